// What each kind of file is called on the screens (the Import screen's "Import it as", the history).
export const SOURCE_LABEL: Record<string, string> = {
  workers: 'HR staff spells',
  agency: 'Agency workers',
  allocations: 'Case allocations',
  asye: 'ASYE register',
  establishment: 'Establishment (funded posts)',
  idmap: 'Worker ID map (HR, case system, SWE numbers)',
  departments: 'Case system departments (team names)',
  census_la: 'DfE census return: vacancies and agency cover',
  benchmark: 'DfE workforce indicators',
  neighbours: 'DfE statistical neighbours',
};
