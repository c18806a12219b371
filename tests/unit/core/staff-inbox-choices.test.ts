// @vitest-environment node
/** The inbox folders offered on the staff screen: what is mounted now where removable media go. */
import { describe, expect, it } from 'vitest';
import { linuxMounts, removableMediaFolders, type MountSources } from '../../../src-main/core/staff/inbox-choices';

/** A real /proc/self/mounts of a kiosk PC with a stick, a share and the usual kernel mounts. */
const MOUNTS = [
  'sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0',
  'proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0',
  '/dev/nvme0n1p2 / ext4 rw,relatime 0 0',
  'tmpfs /run tmpfs rw,nosuid,nodev,size=1614948k,mode=755 0 0',
  '/dev/sda1 /media/kiosk/MUSEUM\\040USB vfat rw,nosuid,nodev,relatime,uid=1000 0 0',
  '/dev/sdb1 /run/media/staff/EXHIBITS exfat rw,nosuid,nodev,relatime 0 0',
  '//nas/exhibits /mnt/nas cifs rw,relatime,vers=3.1.1 0 0',
  'tmpfs /mnt/scratch tmpfs rw,relatime 0 0',
  '/dev/sdc1 /media/usb0 ext4 rw,relatime 0 0',
  '/dev/sdc1 /media/usb0 ext4 rw,relatime 0 0',
  '/dev/nvme0n1p1 /boot/efi vfat rw,relatime 0 0',
  '',
].join('\n');

const sources = (over: Partial<MountSources>): MountSources => ({
  platform: 'linux',
  readMounts: () => MOUNTS,
  listFolders: () => [],
  exists: () => false,
  realpath: (p) => p,
  ...over,
});

describe('inbox folder choices', () => {
  it('on Linux: mounted media under /media, /run/media and /mnt, names unescaped, no kernel or memory file systems', () => {
    expect(removableMediaFolders(sources({}))).toEqual(['/media/kiosk/MUSEUM USB', '/media/usb0', '/mnt/nas', '/run/media/staff/EXHIBITS']);
  });

  it('reads mount lines with their types', () => {
    expect(linuxMounts('/dev/sda1 /media/a\\040b vfat rw 0 0\nbroken\n')).toEqual([{ point: '/media/a b', type: 'vfat' }]);
  });

  it('offers nothing, without an error, where the system shows no mounts', () => {
    expect(removableMediaFolders(sources({ readMounts: () => null }))).toEqual([]);
    expect(removableMediaFolders(sources({ readMounts: () => { throw new Error('EACCES'); } }))).toEqual([]);
  });

  it('on macOS: the volumes, but not the system disk', () => {
    const volumes = ['/Volumes/Macintosh HD', '/Volumes/MUSEUM'];
    expect(removableMediaFolders(sources({ platform: 'darwin', listFolders: () => volumes, realpath: (p) => (p.endsWith('HD') ? '/' : p) }))).toEqual(['/Volumes/MUSEUM']);
  });

  it('on Windows: the drives that exist, but not the system drive', () => {
    expect(removableMediaFolders(sources({ platform: 'win32', exists: (p) => ['C:\\', 'E:\\'].includes(p) }))).toEqual(['E:\\']);
  });

  it('answers on this machine', () => {
    expect(Array.isArray(removableMediaFolders())).toBe(true);
  });
});
