# Windows 10/11 Enterprise or Education: make Vitrine the shell of the kiosk user with Shell
# Launcher, so there is no Explorer, Start menu or taskbar, and Vitrine restarts when it exits.
# Run as Administrator after installing Vitrine and creating the local user "vitrine".
#   Enable-WindowsOptionalFeature -Online -FeatureName Client-EmbeddedShellLauncher -All
$ErrorActionPreference = 'Stop'
$namespace = 'root\standardcimv2\embedded'
$shell = Get-CimClass -Namespace $namespace -ClassName WESL_UserSetting
$user = New-Object System.Security.Principal.NTAccount('vitrine')
$sid = $user.Translate([System.Security.Principal.SecurityIdentifier]).Value
$app = Join-Path $env:LOCALAPPDATA 'Programs\Vitrine\Vitrine.exe'   # the NSIS per-user default
$restartShell = 0                                                     # 0 = restart the shell when it exits

Invoke-CimMethod -CimClass $shell -MethodName SetEnabled -Arguments @{ Enabled = $true }
# Everyone else keeps Explorer.
Invoke-CimMethod -CimClass $shell -MethodName SetDefaultShell -Arguments @{ Shell = 'explorer.exe'; DefaultAction = $restartShell }
Invoke-CimMethod -CimClass $shell -MethodName SetCustomShell -Arguments @{ Sid = $sid; Shell = $app; DefaultReturnCodeAction = $restartShell }
Write-Host "Vitrine is now the shell of user 'vitrine'. Sign in as that user (set up automatic sign-in)."
