import { FiveWhysRunner } from '@/components/flow/runners/five-whys';
import { flowPage } from '../flow-page';

const { FlowPage, generateMetadata } = flowPage('five-whys', FiveWhysRunner);

export { generateMetadata };
export default FlowPage;
