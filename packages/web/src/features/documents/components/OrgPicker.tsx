export { OrgPicker, orgLabel } from '../../../components/OrgPicker.tsx';
