import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, getSettings, updateSettings } from '../../electron/settings';
import { tempDb } from '../support/tmp';

describe('settings', () => {
  it('gives the DOMAIN.md defaults on a new database', () => {
    const { db } = tempDb();
    expect(getSettings(db)).toEqual(DEFAULT_SETTINGS);
    expect(getSettings(db).caseloadThreshold).toBe(20);
    expect(getSettings(db).agencyAnnualCost).toBe(60_500);
  });

  it('keeps what is saved and refuses unknown keys', () => {
    const { db } = tempDb();
    updateSettings(db, { caseloadThreshold: 18, councilName: 'Nottingham City Council' });
    expect(getSettings(db).caseloadThreshold).toBe(18);
    expect(getSettings(db).councilName).toBe('Nottingham City Council');
    expect(() => updateSettings(db, { caseloadThresold: 3 } as never)).toThrow(/Unknown setting: caseloadThresold/);
  });
});
