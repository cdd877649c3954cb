/**
 * The shared web pieces (issue 15): import from here, e.g.
 * `import { RegisterPage, usePaging, FormModal } from '../../../components/index.ts';`
 */
export { DeadlineTag } from './DeadlineTag.tsx';
export { FormModal, type FormModalProps } from './FormModal.tsx';
export { OrgPicker, orgLabel } from './OrgPicker.tsx';
export { PageHeader } from './PageHeader.tsx';
export { PeoplePicker, type PeoplePickerProps } from './PeoplePicker.tsx';
export { localPagination, serverPagination, usePaging, PAGE_SIZES, DEFAULT_PAGE_SIZE, type Paging } from './pagination.ts';
export { RecordLoader, type RecordQuery } from './RecordLoader.tsx';
export { ExportButtons, RegisterPage, type ExportSource, type RegisterPageProps } from './RegisterPage.tsx';
export { SheetImport } from './SheetImport.tsx';
