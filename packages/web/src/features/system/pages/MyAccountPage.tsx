import { placeholder } from '../../../app/pages/placeholder.tsx';

export default placeholder('system.MyAccount');
