/** Exporting accounts: the "Export & back up" page (files, transfer QR codes, verify a backup, recovery sheet). */
export { ExportView } from './ExportView';
