# Windows 10/11 Enterprise, Education or IoT Enterprise: make Vitrine the shell of the kiosk user
# with Shell Launcher, so there is no Explorer, Start menu or taskbar, and Vitrine restarts when it
# exits. Run as Administrator after installing Vitrine (the NSIS installer, for all users) and
# creating the local user "vitrine". docs/deploy.md has the whole procedure.
#   Enable-WindowsOptionalFeature -Online -FeatureName Client-EmbeddedShellLauncher -All
# Method and argument names: WESL_UserSetting (learn.microsoft.com, "WESL_UserSetting").
$ErrorActionPreference = 'Stop'
$namespace = 'root\standardcimv2\embedded'
$shell = Get-CimClass -Namespace $namespace -ClassName WESL_UserSetting
$user = New-Object System.Security.Principal.NTAccount('vitrine')
$sid = $user.Translate([System.Security.Principal.SecurityIdentifier]).Value
# The NSIS installer is per machine (electron-builder.yml, nsis.perMachine): the kiosk user can run
# the app but not change it.
$app = Join-Path $env:ProgramFiles 'Vitrine\Vitrine.exe'
if (-not (Test-Path $app)) { throw "Vitrine is not installed at ${app}: run the Vitrine installer first." }
$restartShell = 0                                                     # 0 = restart the shell when it exits

Invoke-CimMethod -CimClass $shell -MethodName SetEnabled -Arguments @{ Enabled = $true }
# Everyone else keeps Explorer.
Invoke-CimMethod -CimClass $shell -MethodName SetDefaultShell -Arguments @{ Shell = 'explorer.exe'; DefaultAction = $restartShell }
Invoke-CimMethod -CimClass $shell -MethodName SetCustomShell -Arguments @{ Sid = $sid; Shell = "`"$app`""; DefaultAction = $restartShell }
Write-Host "Vitrine is now the shell of user 'vitrine'. Its data folder is C:\Users\vitrine\AppData\Roaming\Vitrine."
Write-Host "Set up automatic sign-in for that user, then restart."
