// The DfE census return's code lists that reach the screens and the paper (schema types
// origintype, leavertype and cfksstype in liia-tools' social_work_workforce_2022.xsd), in the
// words a committee reads. Keys are the census codes as text, as metrics --json gives them.

export const START_ORIGIN: Readonly<Record<string, string>> = {
  '1': 'Newly qualified social worker',
  '2': 'Social worker role in another English local authority',
  '3': 'Social worker role outside England',
  '4': 'Agency or consultancy social work (England)',
  '5': 'Other social work role, not a local authority (England)',
  '6': 'Other social care role (England)',
  '7': 'Not social care, outside England, no employment or career break',
  '8': 'Other',
  '9': 'Not known',
  '10': 'Not yet collected',
};

export const LEAVER_DESTINATION: Readonly<Record<string, string>> = {
  '1': 'Social worker role in another English local authority',
  '2': 'Social worker role outside England',
  '3': 'Agency or consultancy social work (England)',
  '4': 'Other social work role, not a local authority (England)',
  '5': 'Other social care role (England)',
  '6': 'Not social care, outside England, no employment or career break',
  '7': 'Other',
  '8': 'Not known',
  '9': 'Not yet collected',
};

export const CFKSS_STATUS: Readonly<Record<string, string>> = {
  '1': 'Assessed and Supported Year in Employment (ASYE)',
  '2': 'Frontline practitioner',
  '3': 'Practice supervisor',
  '4': 'Practice leader',
};

/** The key for movers whose record has no code (an HR export, or a blank census item). */
export const NOT_RECORDED = 'not recorded';
