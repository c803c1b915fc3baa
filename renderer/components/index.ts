export { ToastProvider, useToast } from './toast';
export { Field } from './field';
export { FieldConflictPanel, type ConflictChoices, type ConflictRow } from './field-conflict-panel';
export { StatusBadge } from './status-badge';
export { OverdueBadge } from './overdue-badge';
export { EmptyState } from './empty-state';
export { Dialog } from './dialog';
export { Markdown } from './markdown';
export { Combobox, MultiCombobox, type ComboOption } from './combobox';
export { CountryCombobox } from './country-select';
export { PersonCombobox, PeopleCombobox, QuickAddPerson } from './person-select';
export { FuzzyDateInput, fuzzyDateHint, FUZZY_DATE_FORMATS } from './fuzzy-date-input';
export { StatusFilterSelect } from './status-filter-select';
export { VisitFilterControls, useVisitFilterParams } from './visit-filter-controls';
// The filter's model and URL codec live in shared/model/visit-filter.ts; screens take them from here too.
export { visitFilterFromParams, visitFilterToParams, hasVisitFilter, VISIT_FILTER_PARAMS } from '../../shared/model';
