// `settings`: shows the database's settings, or changes them with --set KEY=VALUE (repeatable),
// so a council can name itself and set its thresholds without the desktop app.
import { DEFAULT_SETTINGS, getSettings, updateSettings, type Settings } from '../../settings';
import { DataError, UsageError, type Command } from '../command';
import { checkCouncil } from '../../benchmarks/check-council';

const DESCRIPTIONS: Record<keyof Settings, string> = {
  councilName: "the council's name as the paper shows it",
  laCode: 'DfE local-authority code or name, for the benchmarks (e.g. 892)',
  caseloadThreshold: 'cases above which a worker is over the threshold',
  asyeCap: 'protected caseload cap for ASYE workers',
  agencyAnnualCost: 'annual cost of an agency social worker (£)',
  employeeAnnualCost: 'annual cost of an employed social worker (£)',
  smallNumberThreshold: 'published counts from 1 to this are shown as c',
  standardWeeklyHours: 'standard working week, for HR files that give FTE as hours (37 of 37 is 1 FTE)',
};

/** Reads "KEY=VALUE" with the value typed like the setting's default (numbers stay numbers). */
export function parseAssignment(text: string): Partial<Settings> {
  const eq = text.indexOf('=');
  if (eq < 1) throw new UsageError(`--set takes KEY=VALUE, e.g. --set caseloadThreshold=18 (got "${text}").`);
  const key = text.slice(0, eq).trim();
  const raw = text.slice(eq + 1).trim();
  if (!(key in DEFAULT_SETTINGS)) {
    throw new UsageError(`There is no setting "${key}". Settings: ${Object.keys(DEFAULT_SETTINGS).join(', ')}.`);
  }
  const k = key as keyof Settings;
  if (typeof DEFAULT_SETTINGS[k] === 'number') {
    const n = Number(raw.replace(/[£,]/g, ''));
    if (raw === '' || !Number.isFinite(n) || n < 0) throw new UsageError(`${key} must be a number of 0 or more (got "${raw}").`);
    return { [k]: n } as Partial<Settings>;
  }
  if (k === 'laCode') return { laCode: raw === '' ? null : raw };
  return { [k]: raw } as Partial<Settings>;
}

export const settingsCommand: Command = {
  name: 'settings',
  summary: "Show or change the council's settings (name, DfE code, thresholds, costs)",
  usage:
    'settings [--set KEY=VALUE]...\n\n' +
    '  --set  change a setting, e.g. --set laCode=892 --set "councilName=Nottingham City Council"\n' +
    `         (settings: ${Object.keys(DEFAULT_SETTINGS).join(', ')})`,
  options: { set: { type: 'string', multiple: true } },
  run(ctx) {
    const assignments = (ctx.values.set as string[] | undefined) ?? [];
    const patch = Object.assign({}, ...assignments.map(parseAssignment)) as Partial<Settings>;
    // The council is checked against the imported DfE file as on the Settings screen: kept as its
    // DfE code, said back in full, refused with the nearest councils when it matches none.
    if (typeof patch.laCode === 'string') {
      const check = checkCouncil(ctx.db(), patch.laCode, '(scrutiny-pack import csww_indicators_2017_to_2025.csv)');
      if (check.status === 'matched') patch.laCode = check.code;
      else if (!(check.status === 'no_dfe_file' && check.looksLikeCode)) throw new DataError(check.message);
      if (!ctx.json) ctx.err(check.message);
    }
    const settings = assignments.length ? updateSettings(ctx.db(), patch) : getSettings(ctx.db());
    if (ctx.json) {
      ctx.out(JSON.stringify(settings, null, 2));
      return 0;
    }
    const width = Math.max(...Object.keys(settings).map((k) => k.length));
    for (const [k, v] of Object.entries(settings)) {
      const shown = v === null || v === '' ? '(not set)' : String(v);
      ctx.out(`${k.padEnd(width)}  ${shown.padEnd(24)}  ${DESCRIPTIONS[k as keyof Settings]}`);
    }
    return 0;
  },
};
