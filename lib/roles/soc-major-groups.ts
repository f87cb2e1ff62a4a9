/**
 * The 23 major groups of the 2018 Standard Occupational Classification (BLS), by their
 * two-digit prefix: the groups readers browse by. A fixed classification, so it lives in
 * code and pages need no database for it.
 */
export const SOC_MAJOR_GROUPS: Readonly<Record<string, string>> = {
  "11": "Management",
  "13": "Business and Financial Operations",
  "15": "Computer and Mathematical",
  "17": "Architecture and Engineering",
  "19": "Life, Physical, and Social Science",
  "21": "Community and Social Service",
  "23": "Legal",
  "25": "Educational Instruction and Library",
  "27": "Arts, Design, Entertainment, Sports, and Media",
  "29": "Healthcare Practitioners and Technical",
  "31": "Healthcare Support",
  "33": "Protective Service",
  "35": "Food Preparation and Serving Related",
  "37": "Building and Grounds Cleaning and Maintenance",
  "39": "Personal Care and Service",
  "41": "Sales and Related",
  "43": "Office and Administrative Support",
  "45": "Farming, Fishing, and Forestry",
  "47": "Construction and Extraction",
  "49": "Installation, Maintenance, and Repair",
  "51": "Production",
  "53": "Transportation and Material Moving",
  "55": "Military Specific",
};

/** "Computer and Mathematical occupations" for "15"; codes outside SOC 2018 get a neutral name. */
export function majorGroupName(group: string): string {
  const name = SOC_MAJOR_GROUPS[group];
  return name ? `${name} occupations` : `Occupations in group ${group}`;
}
