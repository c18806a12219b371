/** `vitrine publish`: a checked, signed package into a channel folder for a fleet of kiosks (issue 22). */
import { readFileSync } from 'node:fs';
import { publishPackage } from '../../core/channel/publish';
import { progress, rejectUnknownOptions, takeOption, UsageError } from '../args';

/** vitrine publish <package> --channel <folder> --key <name>.key [--group <name>] */
export async function publishCommand(args: string[]): Promise<number> {
  const channelDir = takeOption(args, '--channel');
  const keyFile = takeOption(args, '--key');
  const group = takeOption(args, '--group') ?? null;
  rejectUnknownOptions(args, 'publish');
  const [archive, extra] = args;
  if (!archive || !channelDir || !keyFile || extra !== undefined) throw new UsageError('publish needs a package, --channel <folder> and --key <name>.key');
  if (group !== null && !/^[a-z0-9][a-z0-9-]{0,39}$/.test(group)) throw new UsageError(`--group ${group}: expected lower-case letters, digits and hyphens (at most 40)`);
  let privatePem: string;
  try {
    privatePem = readFileSync(keyFile, 'utf8');
  } catch {
    throw new UsageError(`the key ${keyFile} cannot be read (make one with vitrine keygen --out <name>)`);
  }
  const result = await publishPackage({ archive, channelDir, privatePem, group, onCheck: progress('Checking', 'files') });
  const { entry } = result;
  const whom = group === null ? 'every kiosk of the channel' : `the kiosks of group ${group}`;
  console.log(`Published "${entry.title}" ${entry.version} (${(entry.bytes / 1e6).toFixed(1)} MB) for ${whom}: channel.json sequence ${result.sequence}.`);
  for (const other of result.others) console.log(`  Kept: "${other.title}" ${other.version} for ${other.group === null ? 'the whole fleet' : `group ${other.group}`}.`);
  console.log(`Serve ${channelDir} from a web server, or upload ${entry.url} first and channel.json last.`);
  return 0;
}
