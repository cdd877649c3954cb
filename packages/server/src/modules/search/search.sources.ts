/** Every register's search source, one line each. */
import type { SearchSource } from '../../platform/search-text.ts';
import { incomingSearch, outgoingSearch } from '../documents/documents.search.ts';
import { informationSearch } from '../information/information.search.ts';
import { followUpsSearch, meetingsSearch } from '../meetings/meetings.search.ts';
import { petitionsSearch } from '../reception/reception.search.ts';
import { archivesSearch } from '../archives/archives.search.ts';
import { dutySearch } from '../duty/duty.search.ts';

export const SEARCH_SOURCES: readonly SearchSource[] = [
  outgoingSearch,
  incomingSearch,
  informationSearch,
  meetingsSearch,
  followUpsSearch,
  petitionsSearch,
  archivesSearch,
  dutySearch,
];
