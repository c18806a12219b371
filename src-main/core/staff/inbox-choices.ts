/**
 * The inbox folders staff can choose on the staff screen, where there is no keyboard to type a
 * path: removable media and shares mounted right now, where desktop Linux mounts them
 * (/media/<user>/<label> with udisks2, /run/media/<user>/<label> on Fedora and Arch, /media/usb0
 * with usbmount, /mnt/… by hand), /Volumes/* on macOS and drive letters on Windows. Any other
 * folder is set with `vitrine settings set inboxDir <path>`.
 */
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';

/** Where the mount points are read from; tests pass their own. */
export interface MountSources {
  platform: NodeJS.Platform;
  /** The text of /proc/self/mounts, or null where there is none. */
  readMounts(): string | null;
  /** The folders in `dir` as absolute paths ([] when it cannot be read). */
  listFolders(dir: string): string[];
  exists(path: string): boolean;
  /** Where a path really leads (a macOS volume may be a link to the system disk). */
  realpath(path: string): string;
}

const LINUX_ROOTS = ['/media/', '/run/media/', '/mnt/'];
/** File systems that live in memory or the kernel: never a USB stick or a share. */
const VIRTUAL = new Set(['tmpfs', 'ramfs', 'devtmpfs', 'proc', 'sysfs', 'cgroup', 'cgroup2', 'overlay', 'squashfs', 'autofs', 'devpts', 'mqueue', 'bpf', 'debugfs', 'tracefs', 'securityfs', 'configfs', 'fusectl', 'binfmt_misc', 'hugetlbfs', 'pstore', 'efivarfs']);

/** Mounted removable media and shares, sorted; [] when the system shows none. */
export function removableMediaFolders(sources: MountSources = systemMountSources()): string[] {
  try {
    if (sources.platform === 'darwin') return sources.listFolders('/Volumes').filter((v) => sources.realpath(v) !== '/').sort();
    if (sources.platform === 'win32') return windowsDrives(sources);
    const mounts = sources.readMounts();
    if (mounts === null) return [];
    const points = linuxMounts(mounts).filter((m) => !VIRTUAL.has(m.type) && LINUX_ROOTS.some((root) => m.point.startsWith(root)));
    return [...new Set(points.map((m) => m.point))].sort();
  } catch {
    return []; // a choice list is a convenience, never an error on the staff screen
  }
}

/** The mounts in /proc/self/mounts, with the kernel's octal escapes (\040 for a space) undone. */
export function linuxMounts(mounts: string): { point: string; type: string }[] {
  const unescape = (field: string) => field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
  return mounts.split('\n').flatMap((line) => {
    const [, point, type] = line.split(' ');
    return point && type ? [{ point: unescape(point), type }] : [];
  });
}

function windowsDrives(sources: MountSources): string[] {
  const system = (process.env.SystemDrive ?? 'C:').toUpperCase();
  return 'DEFGHIJKLMNOPQRSTUVWXYZ'
    .split('')
    .map((letter) => `${letter}:\\`)
    .filter((drive) => !drive.startsWith(system) && sources.exists(drive));
}

/** The running system's mount points. */
export function systemMountSources(): MountSources {
  return {
    platform: process.platform,
    readMounts: () => {
      try {
        return readFileSync('/proc/self/mounts', 'utf8');
      } catch {
        return null;
      }
    },
    listFolders: (dir) => {
      try {
        return readdirSync(dir, { withFileTypes: true })
          .filter((e) => e.isDirectory() || e.isSymbolicLink())
          .map((e) => join(dir, e.name));
      } catch {
        return [];
      }
    },
    exists: existsSync,
    realpath: (path) => {
      try {
        return realpathSync(path);
      } catch {
        return path;
      }
    },
  };
}
