/** The rarely needed parameters of a hand-typed key, folded away under "Advanced". */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Algorithm, OtpType } from '../../../common/otp/types';
import { COUNTER, PERIOD, STEAM } from '../../../common/otp/vocabulary';

export interface Advanced {
  type: OtpType;
  algorithm: Algorithm;
  digits: number;
  period: number;
  counter: number;
}

interface Props {
  value: Advanced;
  onChange(value: Advanced): void;
}

/** A number field that keeps the last valid value while the user is mid-edit. */
function toInt(text: string, fallback: number): number {
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) ? n : fallback;
}

export function AdvancedFields({ value, onChange }: Props) {
  const { t } = useTranslation('add-account');
  const id = useId();
  const set = (patch: Partial<Advanced>) => onChange({ ...value, ...patch });
  const steam = value.type === 'steam';
  return (
    <details className="advanced">
      <summary>{t('advanced.title')}</summary>
      <div className="advanced-grid">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-type`}>
            {t('advanced.type')}
          </label>
          <select
            id={`${id}-type`}
            className="input"
            value={value.type}
            onChange={(e) => set({ type: e.target.value as OtpType })}
          >
            <option value="totp">{t('advanced.totp')}</option>
            <option value="hotp">{t('advanced.hotp')}</option>
            <option value="steam">{t('advanced.steam')}</option>
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-algorithm`}>
            {t('advanced.algorithm')}
          </label>
          <select
            id={`${id}-algorithm`}
            className="input"
            value={value.algorithm}
            disabled={steam}
            onChange={(e) => set({ algorithm: e.target.value as Algorithm })}
          >
            <option value="SHA1">SHA-1</option>
            <option value="SHA256">SHA-256</option>
            <option value="SHA512">SHA-512</option>
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-digits`}>
            {t('advanced.digits')}
          </label>
          <select
            id={`${id}-digits`}
            className="input"
            value={steam ? STEAM.digits : value.digits}
            disabled={steam}
            onChange={(e) => set({ digits: Number(e.target.value) })}
          >
            {steam && <option value={STEAM.digits}>{STEAM.digits}</option>}
            <option value={6}>6</option>
            <option value={7}>7</option>
            <option value={8}>8</option>
          </select>
        </div>
        {value.type === 'hotp' ? (
          <div className="field">
            <label className="field-label" htmlFor={`${id}-counter`}>
              {t('advanced.counter')}
            </label>
            <input
              id={`${id}-counter`}
              className="input"
              type="number"
              min={COUNTER.min}
              step={1}
              value={value.counter}
              onChange={(e) => set({ counter: toInt(e.target.value, value.counter) })}
            />
          </div>
        ) : (
          <div className="field">
            <label className="field-label" htmlFor={`${id}-period`}>
              {t('advanced.period')}
            </label>
            <input
              id={`${id}-period`}
              className="input"
              type="number"
              min={PERIOD.min}
              max={PERIOD.max}
              step={1}
              value={steam ? STEAM.period : value.period}
              disabled={steam}
              onChange={(e) => set({ period: toInt(e.target.value, value.period) })}
            />
          </div>
        )}
      </div>
    </details>
  );
}
