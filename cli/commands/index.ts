/** Every command, in the order `authdesk --help` lists them. */
import type { Command } from '../command';
import { addCommand } from './add';
import { checkUpdateCommand } from './check-update';
import { codeCommand } from './code';
import { decodeQrCommand } from './decode-qr';
import { doctorCommand } from './doctor';
import { editCommand } from './edit';
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
  decodeQrCommand,
  doctorCommand,
  policyCommand,
  checkUpdateCommand,
];
