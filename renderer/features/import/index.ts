/** Importing accounts: the "Import from another app" page and the Google Authenticator transfer card. */
export { ImportView } from './ImportView';
export { TransferCard } from './TransferCard';
