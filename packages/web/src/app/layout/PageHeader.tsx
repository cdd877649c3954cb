/** Moved to components/PageHeader.tsx (the shared web pieces); kept so existing imports still resolve. */
export { PageHeader } from '../../components/PageHeader.tsx';
