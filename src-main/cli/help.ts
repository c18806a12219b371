/** The `vitrine` command's help texts: one overview, one page per command. */

/** The full help of each command, shown by `vitrine <command> --help`. */
export const COMMAND_HELP: Record<string, string> = {
  pack: `vitrine pack <source-folder> --out <package.zip|package.vitrine|folder> [--sign <name>.key]
  Makes a content package from a curator's folder: exhibit.yaml, a Markdown file per section
  introduction and per topic, and the images (docs/content-package.md, "Writing an exhibit").
  A folder holding a manifest.json is packed as it is. Fills in every image's size and SHA-256,
  checks everything a kiosk will check, and writes one archive (or a folder). A mistake is named
  by file and line. It replaces only an earlier package at --out, never the source or other files. --sign adds manifest.sig, signed with a private key made by vitrine keygen.`,
  validate: `vitrine validate <package.zip|package folder|source folder> [--trusted <name>.pub]...
  Checks a package completely (archive, manifest, every image) without importing it; a curator's
  source folder is checked as the package it packs into.
  --trusted (repeatable): also require a signature by this public key (a .pub file, or the key).`,
  preview: `vitrine preview <source-folder> [--port N] [--no-browser]
  Shows a curator's folder in the kiosk's own screens, in a browser on this computer, and
  rebuilds it a moment after each save: an edited paragraph shows without processing any image
  again. Every mistake is listed on the screen (file and line) until it is fixed, and the last
  good build stays on show meanwhile. It keeps its data in a temporary folder, never a kiosk's.
  --port (default 4390; 0 picks a free one); --no-browser only prints the address.`,
  import: `vitrine import <package.zip|folder> [--now] [--allow-older] [--data DIR]
  Imports a package into a kiosk's data folder. Without --now it waits: a running kiosk switches
  to it the next time its attract screen shows (nobody using it). --now switches at once: use it
  when the kiosk is not running. The kiosk's trustedKeys setting applies. A version older than
  (or the same as) the one live or waiting is refused unless --allow-older.`,
  rollback: `vitrine rollback [--to <version id>] [--data DIR]
  Switches back, in one step, to the version before the live one, or to --to (see vitrine versions).`,
  versions: `vitrine versions [--data DIR]
  Lists the content versions of a kiosk: the live one, one waiting to go live, earlier ones.`,
  keygen: `vitrine keygen --out <name>
  Makes an Ed25519 key pair for signing packages: <name>.key (private, keep it safe, mode 0600)
  and <name>.pub (one line; give it to kiosks: vitrine settings set trustedKeys '["<line>"]').`,
  settings: `vitrine settings [list | set KEY VALUE [KEY VALUE …] | reset KEY] [--data DIR] [--create]
  Shows or changes the kiosk's settings (idle times, attract, opening hours, keepVersions,
  trustedKeys, inboxDir). VALUE is JSON where it parses (90, true, null, ["…"]), else text.
  Several pairs are kept together, or none of them when one is refused.`,
  staff: `vitrine staff set-pin <4 to 8 digits | -> [--data DIR] [--create]
  Sets the PIN that opens staff mode on the kiosk (stored as a scrypt hash; "-" reads it from
  standard input, keeping it out of the shell's history). Setting it also lifts a lock.`,
  backup: `vitrine backup <file> [--data DIR]
  Writes a consistent copy of the kiosk's store (settings, PIN, content versions) to a new file,
  with SQLite's online backup, safe while the kiosk runs, and checks the copy's integrity. Never
  copy vitrine.sqlite by hand while the kiosk runs. Images stay in the data folder's media/ and
  tiles/ folders: copy those too (see docs/deploy.md).`,
  analytics: `vitrine analytics summary [--days N | --from DAY --to DAY] [--all-content] [--json] [--data DIR]
vitrine analytics export --from DAY --to DAY [--format csv|json] [--out FILE] [--content C] [--data DIR]
  What visitors did, from the kiosk's hourly counts (never about a person; docs/analytics.md).
  summary: visits by hour, visit length, most and never opened objects, searches without
  results, languages and modes; the last 7 days by default. export: every hourly row, for a
  spreadsheet, each row naming its content. Days are local, YYYY-MM-DD, both included. A summary
  is of the live content unless --all-content or --content <package id>@<version>.`,
  publish: `vitrine publish <package.vitrine> --channel <folder> --key <name>.key [--group <name>]
  Puts a package into a channel folder for a fleet of kiosks (docs/fleet.md): checks it whole,
  as a kiosk will, requires it to be signed with the same key (vitrine pack --sign), copies it to
  <folder>/packages/ and writes a new channel.json signed with the key. Serve the folder from any
  web server; kiosks whose channelUrl names its channel.json and who trust the key take it at
  their next look and show it at their next idle. --group: only for the kiosks whose
  channelGroup is that name; the other groups' packages stay as they were.`,
};

/** One line per command for the overview. */
const SUMMARY: [string, string][] = [
  ['pack <source-folder> --out <package> [--sign <name>.key]', "make a package from a curator's folder"],
  ['validate <package | source-folder> [--trusted <name>.pub]', 'check a package or a source completely, import nothing'],
  ['preview <source-folder> [--port N] [--no-browser]', "see a curator's folder in the kiosk's screens, rebuilt on each save"],
  ['import <package> [--now] [--data DIR]', 'import into a kiosk (live at its next attract screen, or --now)'],
  ['rollback [--to <version id>] [--data DIR]', 'switch back to an earlier version in one step'],
  ['versions [--data DIR]', 'list the live, waiting and earlier versions'],
  ['keygen --out <name>', 'make a key pair for signing packages'],
  ['settings [list | set KEY VALUE … | reset KEY] [--data DIR]', "show or change the kiosk's settings"],
  ['staff set-pin <digits | -> [--data DIR]', 'set the staff PIN (4 to 8 digits)'],
  ['backup <file> [--data DIR]', "copy the kiosk's store safely, even while it runs"],
  ['analytics summary | export --from DAY --to DAY [--data DIR]', 'what visitors did: a summary, or every hourly count as CSV or JSON'],
  ['publish <package> --channel <folder> --key <name>.key [--group G]', 'put a signed package into a channel folder for a fleet of kiosks'],
];

/** The overview shown by `vitrine --help`. */
export const HELP = `Vitrine staff tools

Usage:
${SUMMARY.map(([usage, what]) => `  vitrine ${usage}\n      ${what}`).join('\n')}
  vitrine <command> --help
      the full help of one command

--data DIR: the kiosk's data folder (default: $VITRINE_DATA, else the platform's usual place).
A folder that holds no kiosk is refused; --create (staff, settings) makes one on purpose;
import starts one there and says so (a refused import leaves nothing behind).
Exit codes: 0 done, 1 refused (the message says why), 2 wrong usage.`;
