/**
 * A small curator source for search tests: accented and Cyrillic text, a translation, a long
 * essay paragraph, titles and captions that share words (for ranking), and one sentence that
 * differs between versions (so a test can tell the live version from an earlier one).
 */
type Json = Record<string, any>;

const media = (id: string) => [{ file: `media/${id}.jpg`, alt: `Image of ${id}`, standIn: false }];

const artifact = (id: string, title: string, caption: string | null, translation: string[] | null = null) => ({
  id, title, caption, permanentUrl: null, translation, translationNote: translation ? null : 'Not translated.', date: null, media: media(id),
});

// About 120 words, with "finale" far from both ends, so a snippet must cut around it.
const LONG = [
  ...Array.from({ length: 60 }, (_, i) => `word${i}`),
  'the convoy reached its finale at the harbour',
  ...Array.from({ length: 60 }, (_, i) => `tail${i}`),
].join(' ');

/** The source; `version` 1.0.0 says "first version", any other "second version". */
export function searchSource(version: string): Json {
  return {
    format: 'vitrine-package',
    schemaVersion: 1,
    package: { id: 'search-test', version, title: 'Search test' },
    exhibit: {
      title: 'Letters of an Alliance',
      subtitle: null,
      credit: 'Made for tests',
      language: 'en',
      sections: [
        {
          id: 'letters',
          title: 'Letters and Telegrams',
          introduction: ['The détente of 1972 eased the strain.', `This is the ${version === '1.0.0' ? 'first' : 'second'} version of the exhibit.`],
          topics: [
            {
              id: 'lend-lease',
              era: 'World War II',
              title: 'Lend-Lease',
              body: [
                { type: 'paragraph', text: 'Lend-Lease matériel reached Murmansk with the Arctic ships.' },
                { type: 'artifact', ref: 'convoy-map' },
                { type: 'paragraph', text: LONG },
                { type: 'artifact', ref: 'telegram' },
              ],
            },
            { id: 'famine', era: 'Early Cooperation', title: 'Famine Relief', body: [{ type: 'paragraph', text: 'Grain shipments fed millions.' }, { type: 'artifact', ref: 'letter' }] },
          ],
        },
      ],
    },
    artifacts: [
      artifact('convoy-map', 'Arctic Convoy Map', 'Routes of the Lend-Lease ships.'),
      artifact('telegram', 'Telegram from the Conference', 'Sent from Potsdam in July 1945, about a convoy.', ['Товарищ Сталин прибыл в Потсдам.']),
      artifact('letter', 'Письмо Хрущёва', 'A letter from Khrushchev to Kennedy.'),
      ...Array.from({ length: 5 }, (_, i) => artifact(`object-${i + 1}`, `Object ${i + 1}`, 'A small object of the archive.')),
    ],
  };
}
