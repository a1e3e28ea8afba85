/**
 * zod schemas of the OTP vocabulary (./vocabulary.ts), for every place that
 * checks shapes: the IPC contract (input from the renderer) and core's
 * accounts file (input from disk). Core's own checks (core/otp/params.ts)
 * use the same ranges and add the sentences people read.
 */
import * as z from 'zod';
import { ALGORITHMS, COUNTER, DIGITS, LABEL_MAX_LENGTH, OTP_TYPES, PERIOD, type OtpType } from './vocabulary';

export const otpTypeSchema = z.enum(OTP_TYPES);
export const algorithmSchema = z.enum(ALGORITHMS);

/** The digits a `type` allows. */
export function digitsSchema(type: OtpType) {
  return z.number().int().min(DIGITS[type].min).max(DIGITS[type].max);
}

/** Digits allowed by some type: for a shape checked before its type is known (core then applies the type's range). */
export const anyDigitsSchema = z
  .number()
  .int()
  .min(Math.min(...OTP_TYPES.map((t) => DIGITS[t].min)))
  .max(Math.max(...OTP_TYPES.map((t) => DIGITS[t].max)));

export const periodSchema = z.number().int().min(PERIOD.min).max(PERIOD.max);
export const counterSchema = z.number().int().min(COUNTER.min).max(COUNTER.max);
export const labelSchema = z.string().max(LABEL_MAX_LENGTH);
