// The English regions as an agency file or a price-cap table may spell them, tidied to one
// spelling so that an assignment's region and a cap's region are the same text. Data, not a
// list of what is allowed: a regional grouping the council's agreement names otherwise (a
// sub-regional partnership, say) is kept as written, and matched to the caps the council
// imported under the same name. The nine regions are the ONS regions of England, which the
// DfE's published tables and the regional improvement and innovation alliances (RIIAs) follow.
import { lookup } from '../normalise';

export const REGION_SPELLINGS = lookup({
  'North East': ['NE', 'North East England'],
  'North West': ['NW', 'North West England'],
  'Yorkshire and the Humber': ['Yorkshire and Humber', 'Yorkshire & the Humber', 'Yorkshire & Humber', 'Yorkshire', 'Y&H', 'YH'],
  'East Midlands': ['EM'],
  'West Midlands': ['WM'],
  'East of England': ['East', 'Eastern', 'East England', 'EoE'],
  London: ['Greater London', 'Pan-London', 'Pan London'],
  'South East': ['SE', 'South East England'],
  'South West': ['SW', 'South West England'],
});
