import { IncidentResponseRunner } from '@/components/flow/runners/incident-response';
import { flowPage } from '../flow-page';

const { FlowPage, generateMetadata } = flowPage('incident-response', IncidentResponseRunner);

export { generateMetadata };
export default FlowPage;
