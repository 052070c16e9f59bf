/**
 * The demo cities: Shenyang (the reference city, ~40 cultural resources) and five others for a
 * real cross-city panel. Names are the official English and Chinese names; coordinates are
 * approximate (WGS-84) and only for the resources where a map pin helps.
 */
export type ResourceKind =
  | 'INDUSTRIAL_HERITAGE'
  | 'PALACE_QING_CULTURE'
  | 'FOLK_CULTURE'
  | 'REVOLUTIONARY_HISTORY'
  | 'NATURAL_LANDSCAPE'
  | 'OTHER';

export interface ResourceEntry {
  name: string;
  localName: string;
  kind: ResourceKind;
  district: string;
  description: string;
  location?: [latitude: number, longitude: number];
}

export interface CityEntry {
  code: string;
  name: string;
  localName: string;
  /** Share of the generated activity (projects, people, outlets). */
  weight: number;
  districts: [name: string, localName: string][];
  universities: string[];
  resources: ResourceEntry[];
}

const r = (
  name: string,
  localName: string,
  kind: ResourceKind,
  district: string,
  description: string,
  location?: [number, number],
): ResourceEntry => ({ name, localName, kind, district, description, location });

const SHENYANG: CityEntry = {
  code: 'shenyang',
  name: 'Shenyang',
  localName: '沈阳',
  weight: 0.4,
  districts: [
    ['Shenhe', '沈河区'],
    ['Heping', '和平区'],
    ['Dadong', '大东区'],
    ['Tiexi', '铁西区'],
    ['Huanggu', '皇姑区'],
    ['Hunnan', '浑南区'],
    ['Yuhong', '于洪区'],
    ['Sujiatun', '苏家屯区'],
    ['Shenbei', '沈北新区'],
  ],
  universities: [
    'Northeastern University',
    'Liaoning University',
    'Lu Xun Academy of Fine Arts',
    'Shenyang Jianzhu University',
    'Shenyang Normal University',
    'Shenyang Ligong University',
    'Shenyang Aerospace University',
  ],
  resources: [
    // Industrial heritage (Tiexi and beyond)
    r(
      'Shenyang Machine Tool Works',
      '沈阳机床厂',
      'INDUSTRIAL_HERITAGE',
      'Tiexi',
      "Tiexi's machine-tool works, cradle of China's first lathes.",
      [41.8043, 123.3721],
    ),
    r(
      'China Industrial Museum',
      '中国工业博物馆',
      'INDUSTRIAL_HERITAGE',
      'Tiexi',
      "Tiexi's foundry turned museum; anchor of the Northeast Industrial Culture and Creativity brand.",
      [41.8147, 123.3429],
    ),
    r(
      '1905 Cultural and Creative Park',
      '1905文化创意园',
      'INDUSTRIAL_HERITAGE',
      'Tiexi',
      'A 1905 machine-tool workshop reused as studios and a market.',
      [41.8006, 123.3573],
    ),
    r(
      'Red Plum MSG Factory',
      '红梅味精厂',
      'INDUSTRIAL_HERITAGE',
      'Tiexi',
      'The 1939 Red Plum monosodium-glutamate works, now the Hongmei cultural and creative district.',
      [41.7912, 123.3866],
    ),
    r(
      'Tiexi Workers Village',
      '铁西工人村',
      'INDUSTRIAL_HERITAGE',
      'Tiexi',
      "1950s workers' housing; a living-history museum of factory life.",
      [41.8198, 123.3484],
    ),
    r(
      'Shenyang Foundry Museum',
      '沈阳铸造博物馆',
      'INDUSTRIAL_HERITAGE',
      'Tiexi',
      'The old foundry hall with its cranes and casting pits.',
    ),
    r(
      'Shenyang Aircraft Industry Museum',
      '沈飞航空博览园',
      'INDUSTRIAL_HERITAGE',
      'Huanggu',
      'Aviation heritage of the Shenyang Aircraft Corporation.',
    ),
    r(
      'Shenyang Steam Locomotive Museum',
      '沈阳蒸汽机车博物馆',
      'INDUSTRIAL_HERITAGE',
      'Sujiatun',
      'Steam locomotives of the Sujiatun depot.',
      [41.6645, 123.3395],
    ),
    r(
      'Sujiatun Railway Depot',
      '苏家屯机务段',
      'INDUSTRIAL_HERITAGE',
      'Sujiatun',
      'A working railway depot since the 1900s.',
    ),
    r(
      'Dadong Arsenal Site',
      '奉天兵工厂旧址',
      'INDUSTRIAL_HERITAGE',
      'Dadong',
      'The Fengtian arsenal, the largest of its time in China.',
    ),
    r(
      'Shenyang Mint Museum',
      '沈阳造币厂博物馆',
      'INDUSTRIAL_HERITAGE',
      'Dadong',
      'Coins and presses of the Shenyang mint.',
    ),
    // Qing palace culture
    r(
      'Shenyang Imperial Palace',
      '沈阳故宫',
      'PALACE_QING_CULTURE',
      'Shenhe',
      'Early Qing imperial palace; home of the "Fuyun" cultural-creative series.',
      [41.7962, 123.4512],
    ),
    r(
      'Zhaoling Tomb',
      '昭陵',
      'PALACE_QING_CULTURE',
      'Huanggu',
      'Tomb of Hong Taiji in Beiling Park.',
      [41.8399, 123.4226],
    ),
    r(
      'Fuling Tomb',
      '福陵',
      'PALACE_QING_CULTURE',
      'Dadong',
      'Tomb of Nurhaci, a UNESCO World Heritage site.',
      [41.8412, 123.5757],
    ),
    r(
      'Shenyang Imperial Palace Wensu Pavilion',
      '文溯阁',
      'PALACE_QING_CULTURE',
      'Shenhe',
      'Library pavilion that held a copy of the Siku Quanshu.',
    ),
    r(
      'Shisheng Temple',
      '实胜寺',
      'PALACE_QING_CULTURE',
      'Heping',
      'The Qing imperial Tibetan Buddhist temple (Huang Si).',
    ),
    r(
      'Shenyang Drum Tower',
      '沈阳钟鼓楼',
      'PALACE_QING_CULTURE',
      'Shenhe',
      'Bell and drum towers of the Qing walled city.',
    ),
    r(
      'Qing Dynasty City Wall',
      '沈阳古城墙',
      'PALACE_QING_CULTURE',
      'Shenhe',
      'Remains of the Qing city wall and Fujin gate.',
    ),
    r(
      'Shenyang Palace Museum Eight Banners Pavilions',
      '十王亭',
      'PALACE_QING_CULTURE',
      'Shenhe',
      'Pavilions of the Eight Banners before the Dazheng Hall.',
    ),
    // Zhang's Mansion and revolutionary history
    r(
      "Zhang's Mansion",
      '张氏帅府',
      'REVOLUTIONARY_HISTORY',
      'Shenhe',
      'Former residence of Zhang Zuolin and Zhang Xueliang; AR check-ins for visitors.',
      [41.7925, 123.4626],
    ),
    r(
      'September 18th History Museum',
      '九一八历史博物馆',
      'REVOLUTIONARY_HISTORY',
      'Dadong',
      'Museum of the Mukden Incident of 1931.',
      [41.8322, 123.4674],
    ),
    r(
      'Shenyang Trial of Japanese War Criminals Site',
      '沈阳审判日本战犯法庭旧址',
      'REVOLUTIONARY_HISTORY',
      'Heping',
      'The 1956 special military tribunal.',
    ),
    r(
      'Shenyang Allied POW Camp Site',
      '沈阳二战盟军战俘营旧址',
      'REVOLUTIONARY_HISTORY',
      'Dadong',
      'Mukden POW camp of the Second World War.',
    ),
    r(
      'Northeast Army Lecture Hall',
      '东北讲武堂旧址',
      'REVOLUTIONARY_HISTORY',
      'Dadong',
      'Military academy of the Northeast Army.',
    ),
    r(
      'Liaoshen Campaign Memorial Site',
      '辽沈战役纪念馆分馆',
      'REVOLUTIONARY_HISTORY',
      'Huanggu',
      'The 1948 Liaoshen campaign.',
    ),
    r(
      'Anti-US Aid Korea Martyrs Cemetery',
      '抗美援朝烈士陵园',
      'REVOLUTIONARY_HISTORY',
      'Huanggu',
      'Cemetery of the volunteers of 1950–53.',
    ),
    r(
      'Shenyang Former Japanese Consulate',
      '日本驻奉天总领事馆旧址',
      'REVOLUTIONARY_HISTORY',
      'Heping',
      'Early-twentieth-century consular quarter.',
    ),
    // Folk culture
    r(
      'Manchu Paper-Cutting',
      '满族剪纸',
      'FOLK_CULTURE',
      'Shenbei',
      'Intangible cultural heritage of Liaoning.',
      [42.0525, 123.5278],
    ),
    r(
      'Shenyang Errenzhuan Theatre',
      '刘老根大舞台',
      'FOLK_CULTURE',
      'Shenhe',
      'Northeastern two-person song-and-dance (二人转).',
    ),
    r(
      'Xita Korean Ethnic Street',
      '西塔朝鲜族风情街',
      'FOLK_CULTURE',
      'Heping',
      'Korean-Chinese food, music and crafts.',
    ),
    r(
      'Zhongjie Pedestrian Street',
      '中街',
      'FOLK_CULTURE',
      'Shenhe',
      "China's oldest commercial street, with old shops (老字号).",
    ),
    r(
      'Manchu Folk Customs Village',
      '满族民俗村',
      'FOLK_CULTURE',
      'Shenbei',
      'Manchu houses, costume and festivals.',
    ),
    r(
      'Shenyang Yangge Dance',
      '沈阳秧歌',
      'FOLK_CULTURE',
      'Yuhong',
      'Northeastern yangge, intangible heritage.',
    ),
    r('Laobian Dumplings', '老边饺子', 'FOLK_CULTURE', 'Shenhe', 'Century-old dumpling craft.'),
    r(
      'Shenyang Palace Lanterns',
      '沈阳宫灯',
      'FOLK_CULTURE',
      'Yuhong',
      'Lantern-making craft for the Lantern Festival.',
    ),
    r(
      'Shenyang Hair Embroidery',
      '沈阳发绣',
      'FOLK_CULTURE',
      'Sujiatun',
      'Embroidery with human hair, intangible heritage.',
    ),
    r(
      'Xinle Site',
      '新乐遗址',
      'FOLK_CULTURE',
      'Huanggu',
      'Neolithic settlement, 7,200 years old; the wood-carved bird.',
    ),
    // Landscape
    r(
      'Qipanshan Scenic Area',
      '棋盘山风景区',
      'NATURAL_LANDSCAPE',
      'Hunnan',
      'Mountains and lake north-east of the city.',
      [41.9297, 123.6599],
    ),
    r(
      'Shenyang Botanical Garden',
      '沈阳世博园',
      'NATURAL_LANDSCAPE',
      'Hunnan',
      'The 2006 World Horticultural Exposition park.',
    ),
    r(
      'Hun River Waterfront',
      '浑河风光带',
      'NATURAL_LANDSCAPE',
      'Hunnan',
      'Riverside parks of the Hun River.',
    ),
    r(
      'Shenyang Fangte Happy World',
      '沈阳方特欢乐世界',
      'OTHER',
      'Shenbei',
      'Theme park; a digital-experience venue.',
    ),
  ],
};

const city = (
  code: string,
  name: string,
  localName: string,
  districts: [string, string][],
  universities: string[],
  resources: ResourceEntry[],
): CityEntry => ({ code, name, localName, weight: 0.12, districts, universities, resources });

const OTHER_CITIES: CityEntry[] = [
  city(
    'dalian',
    'Dalian',
    '大连',
    [
      ['Zhongshan', '中山区'],
      ['Xigang', '西岗区'],
      ['Shahekou', '沙河口区'],
      ['Ganjingzi', '甘井子区'],
      ['Lüshunkou', '旅顺口区'],
      ['Jinzhou', '金州区'],
    ],
    [
      'Dalian University of Technology',
      'Dalian Polytechnic University',
      'Liaoning Normal University',
    ],
    [
      r(
        'Zhongshan Square',
        '中山广场',
        'REVOLUTIONARY_HISTORY',
        'Zhongshan',
        'Circle of early-twentieth-century banks.',
      ),
      r(
        'Lüshun Prison Museum',
        '旅顺日俄监狱旧址',
        'REVOLUTIONARY_HISTORY',
        'Lüshunkou',
        'Prison of the Russo-Japanese era.',
      ),
      r(
        'Dalian Russian Street',
        '俄罗斯风情街',
        'FOLK_CULTURE',
        'Xigang',
        'Russian-era architecture.',
      ),
      r(
        'Dalian Shipyard Heritage',
        '大连造船厂旧址',
        'INDUSTRIAL_HERITAGE',
        'Xigang',
        "China's first aircraft-carrier shipyard.",
      ),
      r(
        'Dalian Locomotive Works',
        '大连机车厂',
        'INDUSTRIAL_HERITAGE',
        'Shahekou',
        'Locomotive works since 1899.',
      ),
      r('Bangchui Island', '棒棰岛', 'NATURAL_LANDSCAPE', 'Zhongshan', 'Coastal scenic area.'),
      r('Jinshitan Coast', '金石滩', 'NATURAL_LANDSCAPE', 'Jinzhou', 'Geological coastline.'),
      r('Dalian Shell Carving', '大连贝雕', 'FOLK_CULTURE', 'Ganjingzi', 'Shell-carving craft.'),
    ],
  ),
  city(
    'harbin',
    'Harbin',
    '哈尔滨',
    [
      ['Daoli', '道里区'],
      ['Nangang', '南岗区'],
      ['Daowai', '道外区'],
      ['Xiangfang', '香坊区'],
      ['Songbei', '松北区'],
      ['Pingfang', '平房区'],
    ],
    ['Harbin Institute of Technology', 'Harbin Engineering University', 'Harbin Normal University'],
    [
      r(
        'Saint Sophia Cathedral',
        '圣索菲亚大教堂',
        'OTHER',
        'Daoli',
        'Byzantine-style church and architecture museum.',
      ),
      r(
        'Central Street',
        '中央大街',
        'FOLK_CULTURE',
        'Daoli',
        'Cobbled street of European façades.',
      ),
      r(
        'Harbin Ice and Snow World',
        '冰雪大世界',
        'NATURAL_LANDSCAPE',
        'Songbei',
        'Ice sculpture festival park.',
      ),
      r(
        'Unit 731 Site',
        '侵华日军第七三一部队罪证陈列馆',
        'REVOLUTIONARY_HISTORY',
        'Pingfang',
        'Evidence museum of Unit 731.',
      ),
      r(
        'Harbin Electric Machinery Heritage',
        '哈电机厂旧址',
        'INDUSTRIAL_HERITAGE',
        'Xiangfang',
        'The "three big power" works of the 1950s.',
      ),
      r(
        'Daowai Baroque Quarter',
        '道外中华巴洛克',
        'FOLK_CULTURE',
        'Daowai',
        'Chinese Baroque streets.',
      ),
      r(
        'Jin Dynasty Shangjing Site',
        '金上京会宁府遗址',
        'PALACE_QING_CULTURE',
        'Xiangfang',
        'Capital of the Jurchen Jin, ancestors of the Manchu.',
      ),
      r('Harbin Fur Craft', '哈尔滨皮草', 'FOLK_CULTURE', 'Daowai', 'Fur and leather craft.'),
    ],
  ),
  city(
    'changchun',
    'Changchun',
    '长春',
    [
      ['Chaoyang', '朝阳区'],
      ['Nanguan', '南关区'],
      ['Kuancheng', '宽城区'],
      ['Erdao', '二道区'],
      ['Lüyuan', '绿园区'],
      ['Jingyue', '净月区'],
    ],
    ['Jilin University', 'Northeast Normal University', 'Jilin University of Arts'],
    [
      r(
        'Puppet Manchukuo Imperial Palace',
        '伪满皇宫博物院',
        'PALACE_QING_CULTURE',
        'Kuancheng',
        "Puyi's palace, last of the Qing emperor's residences.",
      ),
      r(
        'Changchun Film Studio',
        '长影旧址博物馆',
        'INDUSTRIAL_HERITAGE',
        'Chaoyang',
        "New China's first film studio.",
      ),
      r(
        'FAW First Factory',
        '一汽历史文化街区',
        'INDUSTRIAL_HERITAGE',
        'Lüyuan',
        "China's first automobile works.",
      ),
      r('Jingyuetan Forest', '净月潭', 'NATURAL_LANDSCAPE', 'Jingyue', 'Forest park and lake.'),
      r(
        'Eight Ministries of Manchukuo',
        '伪满八大部',
        'REVOLUTIONARY_HISTORY',
        'Chaoyang',
        'Government buildings of the occupation.',
      ),
      r(
        'Manchu Eight Banners Embroidery',
        '满族刺绣',
        'FOLK_CULTURE',
        'Nanguan',
        'Manchu embroidery craft.',
      ),
      r('Changchun Sculpture Park', '长春雕塑公园', 'OTHER', 'Nanguan', 'World sculpture park.'),
    ],
  ),
  city(
    'xian',
    "Xi'an",
    '西安',
    [
      ['Beilin', '碑林区'],
      ['Lianhu', '莲湖区'],
      ['Xincheng', '新城区'],
      ['Yanta', '雁塔区'],
      ['Lintong', '临潼区'],
      ['Weiyang', '未央区'],
    ],
    ["Xi'an Jiaotong University", "Xi'an Academy of Fine Arts", 'Northwest University'],
    [
      r(
        'Terracotta Army',
        '秦始皇兵马俑',
        'PALACE_QING_CULTURE',
        'Lintong',
        'Mausoleum of the first Qin emperor.',
      ),
      r('Daming Palace', '大明宫', 'PALACE_QING_CULTURE', 'Xincheng', 'Tang imperial palace site.'),
      r('Giant Wild Goose Pagoda', '大雁塔', 'OTHER', 'Yanta', 'Tang Buddhist pagoda.'),
      r("Xi'an City Wall", '西安城墙', 'PALACE_QING_CULTURE', 'Beilin', 'Ming city wall.'),
      r('Forest of Steles', '碑林', 'FOLK_CULTURE', 'Beilin', 'Calligraphy steles.'),
      r('Muslim Quarter', '回民街', 'FOLK_CULTURE', 'Lianhu', 'Food and crafts of the Hui.'),
      r(
        'Dahua 1935',
        '大华1935',
        'INDUSTRIAL_HERITAGE',
        'Xincheng',
        'A 1935 cotton mill turned creative district.',
      ),
      r(
        "Xi'an Incident Site",
        '西安事变纪念馆',
        'REVOLUTIONARY_HISTORY',
        'Xincheng',
        "The 1936 Xi'an Incident.",
      ),
    ],
  ),
  city(
    'chengdu',
    'Chengdu',
    '成都',
    [
      ['Jinjiang', '锦江区'],
      ['Qingyang', '青羊区'],
      ['Wuhou', '武侯区'],
      ['Chenghua', '成华区'],
      ['Jinniu', '金牛区'],
      ['Pidu', '郫都区'],
    ],
    [
      'Sichuan University',
      'University of Electronic Science and Technology of China',
      'Sichuan Fine Arts Institute',
    ],
    [
      r(
        'Wuhou Shrine',
        '武侯祠',
        'PALACE_QING_CULTURE',
        'Wuhou',
        'Shrine of Zhuge Liang and Liu Bei.',
      ),
      r(
        'Jinli Ancient Street',
        '锦里',
        'FOLK_CULTURE',
        'Wuhou',
        'Old street of Shu crafts and snacks.',
      ),
      r('Sichuan Opera Face-Changing', '川剧变脸', 'FOLK_CULTURE', 'Qingyang', 'Sichuan opera.'),
      r('Shu Embroidery', '蜀绣', 'FOLK_CULTURE', 'Pidu', 'One of the four great embroideries.'),
      r(
        'Dong Jiao Memory',
        '东郊记忆',
        'INDUSTRIAL_HERITAGE',
        'Chenghua',
        'A 1950s electronics plant turned music park.',
      ),
      r(
        'Jinsha Site Museum',
        '金沙遗址博物馆',
        'OTHER',
        'Qingyang',
        'Ancient Shu; the sun-bird gold foil.',
      ),
      r(
        'Chengdu Panda Base',
        '大熊猫繁育研究基地',
        'NATURAL_LANDSCAPE',
        'Chenghua',
        'Giant panda research base.',
      ),
      r(
        'Red Army Long March Memorial',
        '红军长征纪念馆',
        'REVOLUTIONARY_HISTORY',
        'Jinniu',
        'The Long March through Sichuan.',
      ),
    ],
  ),
];

export const CITY_CATALOGUE: readonly CityEntry[] = [SHENYANG, ...OTHER_CITIES];
