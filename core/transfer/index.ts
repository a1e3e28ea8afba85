/** Moving accounts in and out of Authdesk: the public surface of core/transfer. */
export type { ImportFormat, ImportedEntry, ImportResult, EntryProblem } from './types';
export { FORMAT_IDS, IMPORT_FORMAT_LIST, knownFormatsText } from './formats';
export { MAX_IMPORT_BYTES } from './detect';
export {
  readImport,
  readImportBytes,
  parseImport,
  previewImport,
  commitImport,
  type ImportPreview,
  type PreviewItem,
} from './import-session';
export { decodeMigrationUri, isMigrationUri, MIGRATION_BATCH_LIMIT } from './migration';
export { MigrationCollector, type BatchProgress } from './migration-batch';
export {
  EXPORT_FORMATS,
  exportAegisEncrypted,
  exportAuthdeskBackup,
  exportMigration,
  exportOtpauthList,
  type ExportFormat,
} from './export';
export { migrationQrPng } from './migration-qr';
export { verifyBackup, type VerifyReport } from './verify';
