import { TlsHandshakeRunner } from '@/components/flow/runners/tls-handshake';
import { flowPage } from '../flow-page';

const { FlowPage, generateMetadata } = flowPage('tls-handshake', TlsHandshakeRunner);

export { generateMetadata };
export default FlowPage;
