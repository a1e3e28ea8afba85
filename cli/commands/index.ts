/** Every command, in the order `authdesk --help` lists them. */
import type { Command } from '../command';
import { addCommand } from './add';
import { backupCommand } from './backup';
import { checkUpdateCommand } from './check-update';
import { codeCommand } from './code';
import { decodeQrCommand } from './decode-qr';
import { doctorCommand } from './doctor';
import { editCommand } from './edit';
import { exportCommand } from './export';
import { importCommand } from './import';
import { listCommand } from './list';
import { policyCommand } from './policy';
import { removeCommand } from './remove';
import { renameCommand } from './rename';

export const commands: readonly Command[] = [
  codeCommand,
  listCommand,
  addCommand,
  renameCommand,
  editCommand,
  removeCommand,
  importCommand,
  exportCommand,
  backupCommand,
  decodeQrCommand,
  doctorCommand,
  policyCommand,
  checkUpdateCommand,
];
