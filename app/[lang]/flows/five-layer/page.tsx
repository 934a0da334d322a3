import { FiveLayerRunner } from '@/components/flow/runners/five-layer';
import { flowPage } from '../flow-page';

const { FlowPage, generateMetadata } = flowPage('five-layer', FiveLayerRunner);

export { generateMetadata };
export default FlowPage;
