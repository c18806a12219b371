/**
 * Periods of the built-in exhibit's topics, for the timeline (issue 6), taken from the seed text
 * only (assets/exhibit/seed-loc-sovi.txt). Each period carries the seed's own words that give
 * its years, quoted exactly; tests/unit/core/seed-periods.test.ts checks every quote against
 * the seed. The seed gives no dates of individual documents, so no object has a period here:
 * on the timeline an object sits at its topic's period and the kiosk says so.
 *
 * How a period was read: from the first to the last year the topic's own subject runs, as the
 * seed states them. Where a start and an end are in different sentences, both are quoted. A
 * topic whose text names years of events around its subject but not the subject's own period
 * gets none (UNDATED_TOPICS says why).
 */

/** The exhibit's axis: from the revolution to the collapse of the Soviet Union, as the introduction tells it. */
export const SEED_TIMELINE = {
  from: 1917,
  to: 1991,
  evidence: ['After the Bolshevik Revolution of 1917', 'the dramatic democratic changes of 1989–91 led to the collapse'],
};

/** Topic id -> period and the seed's words for it. */
export const SEED_PERIODS = {
  // The relief programme, from the agreement to begin it to the end of ARA aid.
  'american-famine-relief': {
    from: 1920,
    to: 1923,
    label: '1920–1923',
    evidence: ['in August 1920 an informal agreement was negotiated to begin a famine relief program', 'ARA aid continued into 1923'],
  },
  // The topic says "During the 1920s and early 1930s", which names no end year; the section
  // introduction dates the commercial ties the topic is about to the NEP, "(1921–29)".
  'economic-cooperation': {
    from: 1921,
    to: 1929,
    label: '1921–1929',
    evidence: [
      'American businessmen established commercial ties there during the period of the New Economic Policy (1921–29)',
      'Vladimir Lenin instituted the New Economic Policy (NEP) in 1921',
    ],
  },
  // The two parties' story, from the American party's founding to the Soviet party's end
  // (Lenin's wing of 1903 is background, and before the exhibit's axis).
  'soviet-and-american-communist-parties': {
    from: 1919,
    to: 1991,
    label: '1919–1991',
    evidence: [
      'American socialists and radicals met in Chicago in 1919 to organize an American Communist party',
      'Boris Yeltsin outlawed the Communist party in Russia in August 1991',
    ],
  },
  'alliance': {
    from: 1941,
    to: 1945,
    label: '1941–1945',
    evidence: [
      "Nazi Germany's invasion of the Soviet Union in June 1941 created an instant alliance",
      'Lend-Lease to the Soviet Union officially ended in September 1945',
    ],
  },
  // Postwar: from Potsdam to the two speeches of 1946 that the topic names as the estrangement.
  'postwar-estrangement': {
    from: 1945,
    to: 1946,
    label: '1945–1946',
    evidence: ['Potsdam (July–August 1945)', 'led Winston Churchill to warn in 1946 that an “iron curtain” was descending through the middle of Europe'],
  },
  // The first and last years the topic names; its closing paragraph, on Yeltsin, gives none.
  'soviet-perspectives': {
    from: 1947,
    to: 1985,
    label: '1947–1985',
    evidence: ['In 1947, President Harry Truman also spoke of two diametrically opposed systems', 'after Mikhail Gorbachev came to power in early 1985'],
  },
  'cuban-missile-crisis': {
    from: 1962,
    to: 1962,
    label: '1962',
    evidence: ['in May 1962 he conceived the idea of placing intermediate-range nuclear missiles in Cuba', 'the Cuban missile crisis of October 1962'],
  },
};

/** Topics left without a period, and why: the timeline shows them under "Undated". */
export const UNDATED_TOPICS = {
  'american-pows-and-mias':
    'The topic is about Americans detained in the GULAG in "an earlier era after World War II", which the seed does not date. ' +
    'The years it names are one incident (a B-29 shot down "in April 1950") and the joint commission "formed early in 1992", after the axis ends.',
};
