import { ResourceKind } from './city-catalogue';

/** Manufacturing processes (identity's `manufacturing_process`) and the materials each works. */
export const PROCESS_MATERIALS: Readonly<Record<string, readonly string[]>> = {
  CERAMICS: ['porcelain', 'stoneware'],
  EMBROIDERY: ['silk', 'cotton'],
  LASER_ENGRAVING: ['wood', 'acrylic', 'leather'],
  THREE_D_PRINTING: ['resin', 'PLA'],
  METAL_CASTING: ['brass', 'bronze', 'pewter'],
  PRINTING_PACKAGING: ['paper', 'cardboard'],
  AR_VR_DEVELOPMENT: ['software'],
  WOODWORKING: ['wood', 'bamboo'],
  TEXTILE_SEWING: ['cotton', 'linen'],
  LEATHERWORK: ['leather'],
  INJECTION_MOLDING: ['ABS', 'PP'],
  PAPER_CRAFT: ['paper', 'rice paper'],
};
export const PROCESSES = Object.keys(PROCESS_MATERIALS);

export const CERTIFICATIONS = ['ISO 9001', 'ISO 14001', 'FSC', 'OEKO-TEX', 'CCC', 'GB 6675'];

export const DISCIPLINES = [
  'PRODUCT_DESIGN',
  'VISUAL_COMMUNICATION',
  'FINE_ARTS',
  'TRADITIONAL_CRAFTS',
  'FASHION_TEXTILE',
  'ARCHITECTURE_SPACE',
  'ANIMATION_GAMES',
  'DIGITAL_TECHNOLOGY',
  'MARKETING_BUSINESS',
  'CULTURAL_HERITAGE_HISTORY',
  'LITERATURE_MEDIA',
];

/** What a project made from a resource of each kind tends to be, and how it is made. */
export const KIND_PRODUCTS: Readonly<
  Record<ResourceKind, readonly { noun: string; processes: readonly string[] }[]>
> = {
  INDUSTRIAL_HERITAGE: [
    { noun: 'lathe-gear desk set', processes: ['METAL_CASTING', 'LASER_ENGRAVING'] },
    { noun: 'factory-badge enamel pins', processes: ['METAL_CASTING'] },
    { noun: 'workshop blueprint posters', processes: ['PRINTING_PACKAGING'] },
    { noun: 'steam-era model kits', processes: ['INJECTION_MOLDING', 'PRINTING_PACKAGING'] },
    { noun: 'foundry leather notebooks', processes: ['LEATHERWORK', 'LASER_ENGRAVING'] },
  ],
  PALACE_QING_CULTURE: [
    { noun: 'Fuyun bookmarks', processes: ['METAL_CASTING'] },
    { noun: 'dragon-throne porcelain cups', processes: ['CERAMICS'] },
    { noun: 'imperial silk scarves', processes: ['EMBROIDERY', 'TEXTILE_SEWING'] },
    { noun: 'palace-roof fridge magnets', processes: ['THREE_D_PRINTING', 'PRINTING_PACKAGING'] },
    { noun: 'Eight Banners tea caddies', processes: ['WOODWORKING', 'LASER_ENGRAVING'] },
  ],
  FOLK_CULTURE: [
    { noun: 'paper-cut lanterns', processes: ['PAPER_CRAFT'] },
    { noun: 'yangge dolls', processes: ['TEXTILE_SEWING'] },
    { noun: 'Manchu embroidery pouches', processes: ['EMBROIDERY'] },
    { noun: 'old-shop gift boxes', processes: ['PRINTING_PACKAGING'] },
  ],
  REVOLUTIONARY_HISTORY: [
    { noun: 'commemorative medals', processes: ['METAL_CASTING'] },
    { noun: 'history picture books', processes: ['PRINTING_PACKAGING'] },
    { noun: 'mansion AR postcards', processes: ['AR_VR_DEVELOPMENT', 'PRINTING_PACKAGING'] },
  ],
  NATURAL_LANDSCAPE: [
    { noun: 'bamboo postcards', processes: ['WOODWORKING', 'LASER_ENGRAVING'] },
    { noun: 'landscape tote bags', processes: ['TEXTILE_SEWING'] },
  ],
  OTHER: [
    { noun: 'VR city tour', processes: ['AR_VR_DEVELOPMENT'] },
    { noun: 'collectible figurines', processes: ['THREE_D_PRINTING'] },
  ],
};

const SURNAMES = [
  'Wang',
  'Li',
  'Zhang',
  'Liu',
  'Chen',
  'Yang',
  'Zhao',
  'Huang',
  'Zhou',
  'Wu',
  'Xu',
  'Sun',
  'Ma',
  'Zhu',
  'Hu',
  'Guo',
  'He',
  'Lin',
  'Gao',
  'Luo',
];
const GIVEN = [
  'Wei',
  'Fang',
  'Na',
  'Min',
  'Jing',
  'Lei',
  'Yang',
  'Yan',
  'Jie',
  'Tao',
  'Ming',
  'Chao',
  'Xiu',
  'Hua',
  'Ping',
  'Hong',
  'Yue',
  'Lin',
  'Hao',
  'Ting',
  'Xin',
  'Yu',
];

export function personName(pick: <T>(items: readonly T[]) => T): string {
  return `${pick(SURNAMES)} ${pick(GIVEN)}${pick(['', '', pick(GIVEN).toLowerCase()])}`;
}

export const COMPANY_WORDS = [
  'Crafts',
  'Works',
  'Manufacturing',
  'Studio Works',
  'Industrial',
  'Creative Manufacturing',
];
export const RETAIL_WORDS = [
  'Culture Shop',
  'Gift Store',
  'Creative Market',
  'Design Store',
  'Souvenir Hall',
];
