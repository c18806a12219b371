/**
 * What the search screen suggests before the visitor has typed, and when nothing is found: the
 * exhibit's topics, so a search that finds nothing still leads somewhere.
 */
import type { Api } from '@contract/api';
import type { TopicSummary } from '@contract/types';

export type TopicSuggestion = Pick<TopicSummary, 'id' | 'title' | 'era'>;

/** Every topic of the exhibit, in exhibit order. */
export async function topicSuggestions(api: Api): Promise<TopicSuggestion[]> {
  const exhibit = await api.getExhibit({});
  const sections = await Promise.all(exhibit.sections.filter((s) => s.topicCount > 0).map((s) => api.getSection({ id: s.id })));
  return sections.flatMap((s) => s.eras.flatMap((group) => group.topics.map(({ id, title, era }) => ({ id, title, era }))));
}
