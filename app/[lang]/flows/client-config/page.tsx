import { ClientConfigRunner } from '@/components/flow/runners/client-config';
import { flowPage } from '../flow-page';

const { FlowPage, generateMetadata } = flowPage('client-config', ClientConfigRunner);

export { generateMetadata };
export default FlowPage;
