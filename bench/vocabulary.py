"""The words bench/generate.py builds a plan and its reports from: lead units,
their metrics, task titles and the fragments of progress notes."""

from __future__ import annotations

from dataclasses import dataclass

# Each lead unit with the categories and metrics (keys of METRIC_KINDS) that
# its tasks draw from, so that a unit's tasks read like that unit's work.
UNITS = {
    "市民政局": (["养老服务", "社会救助"], ["centres", "stations", "beds", "canteens", "ageing", "relief"]),
    "市财政局": (["社会救助", "营商环境"], ["relief", "loans", "invest"]),
    "市发展改革委": (["营商环境", "城市建设"], ["invest", "chargers", "hightech"]),
    "市教育局": (["教育"], ["places", "kinder", "training"]),
    "市卫生健康委": (["医疗卫生"], ["clinics", "hospital", "screening", "beds"]),
    "市住房城乡建设局": (["住房保障", "城市建设"], ["rental", "estates", "ageing", "invest"]),
    "市交通运输局": (["交通出行"], ["roads", "parking", "chargers", "invest"]),
    "市人力资源社会保障局": (["就业创业"], ["jobs", "training", "loans"]),
    "市生态环境局": (["生态环境"], ["treated", "sewers", "sorting"]),
    "市农业农村局": (["乡村振兴"], ["toilets", "villages", "forest"]),
    "市商务局": (["营商环境"], ["invest", "online", "hightech"]),
    "市文化广电旅游局": (["文化旅游"], ["tourists", "villages", "greenway"]),
    "市应急管理局": (["安全生产"], ["firestn", "training"]),
    "市市场监管局": (["营商环境", "安全生产"], ["online", "hightech", "training"]),
    "市自然资源和规划局": (["生态环境", "城市建设"], ["forest", "greenway", "invest"]),
    "市水务局": (["生态环境", "城市建设"], ["sewers", "treated", "invest"]),
    "市城市管理局": (["城市建设", "生态环境"], ["sorting", "parking", "greenway", "sewers"]),
    "市公安局": (["安全生产", "交通出行"], ["parking", "online", "training"]),
    "市科技局": (["科技创新"], ["hightech", "towers", "loans"]),
    "市工业和信息化局": (["科技创新", "营商环境"], ["towers", "hightech", "invest", "chargers"]),
}

UNIT_NAMES = list(UNITS)

REPORTERS = [
    "王芳", "李娜", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周婷", "吴昊",
    "徐丽", "孙强", "胡军", "朱琳", "高峰", "林涛", "何晶", "郭靖", "马超", "罗兰",
]


@dataclass(frozen=True)
class MetricKind:
    key: str
    verb: str
    name: str
    unit: str
    low: float
    high: float
    decimals: int = 0
    rate: bool = False  # a percentage that rises from a baseline, never increment


METRIC_KINDS = [
    MetricKind("centres", "新建", "区域性居家养老服务中心", "个", 40, 200),
    MetricKind("stations", "改造", "社区养老服务站", "个", 100, 500),
    MetricKind("beds", "新增", "养老机构床位", "张", 500, 5000),
    MetricKind("canteens", "建成", "社区老年食堂", "个", 40, 300),
    MetricKind("ageing", "完成", "困难老年人家庭适老化改造", "户", 200, 3000),
    MetricKind("places", "新增", "中小学学位", "个", 2000, 20000),
    MetricKind("kinder", "新增", "普惠性幼儿园学位", "个", 1000, 10000),
    MetricKind("jobs", "实现", "城镇新增就业", "万人", 1, 12, 2),
    MetricKind("training", "开展", "职业技能培训", "人次", 5000, 50000),
    MetricKind("rental", "筹集", "保障性租赁住房", "套", 1000, 20000),
    MetricKind("estates", "改造", "老旧小区", "个", 50, 400),
    MetricKind("roads", "新建改造", "城市道路", "公里", 50, 300, 1),
    MetricKind("invest", "完成", "重点项目投资", "亿元", 20, 500, 1),
    MetricKind("sewers", "新建", "污水管网", "公里", 40, 400, 1),
    MetricKind("greenway", "建设", "城市绿道", "公里", 40, 200, 1),
    MetricKind("forest", "完成", "植树造林", "万亩", 1, 20, 2),
    MetricKind("parking", "新增", "公共停车泊位", "个", 2000, 20000),
    MetricKind("chargers", "建设", "新能源汽车充电桩", "个", 1000, 10000),
    MetricKind("clinics", "完成", "村卫生室标准化建设", "个", 100, 800),
    MetricKind("hospital", "新增", "医疗卫生机构床位", "张", 500, 5000),
    MetricKind("screening", "完成", "适龄妇女两癌筛查", "万人", 1, 15, 2),
    MetricKind("hightech", "新培育", "高新技术企业", "家", 100, 1000),
    MetricKind("loans", "发放", "创业担保贷款", "亿元", 2, 30, 2),
    MetricKind("toilets", "改造", "农村户厕", "万户", 1, 10, 2),
    MetricKind("villages", "建设", "美丽乡村示范村", "个", 50, 300),
    MetricKind("relief", "发放", "困难群众救助资金", "亿元", 2, 40, 2),
    MetricKind("towers", "新建", "5G基站", "个", 1000, 10000),
    MetricKind("firestn", "建设", "微型消防站", "个", 50, 500),
    MetricKind("tourists", "接待", "乡村旅游游客", "万人次", 100, 3000, 1),
    MetricKind("sorting", "使", "城市生活垃圾分类覆盖率", "%", 95, 100, 1, rate=True),
    MetricKind("treated", "使", "城市污水集中处理率", "%", 96, 99, 1, rate=True),
    MetricKind("online", "使", "政务服务事项网上可办率", "%", 95, 100, 1, rate=True),
]

QUALITATIVE_TITLES = [
    "提高城乡低保、特困人员救助供养标准", "完善居家社区机构相协调的养老服务体系",
    "深化“放管服”改革,持续优化营商环境", "推进基层医疗卫生机构综合改革",
    "健全防止返贫动态监测和帮扶机制", "开展安全生产专项整治行动",
    "推动义务教育优质均衡发展", "建立健全城乡居民基本医疗保险制度",
    "完善最低生活保障对象认定办法", "推进城市更新和城市体检工作",
    "实施河湖长制,加强水生态保护修复", "健全突发公共卫生事件应急机制",
    "推进政务数据共享和“一网通办”", "完善社会救助家庭经济状况核对机制",
    "加强食品药品安全监管", "开展农村人居环境整治提升行动",
    "推动公共文化服务体系标准化建设", "加快建设智慧交通管理系统",
]

OPENINGS = ["截至目前", "截至{m}月底", "本月", "1-{m}月", "今年以来", "{m}月份"]
FILLERS = [
    "工作正在有序推进", "资金已全部拨付到位", "正在开展竣工验收", "已完成年度目标的{p}%",
    "下一步将加强督促检查", "确保按期完成任务", "已召开专题推进会议", "部分项目进入收尾阶段",
    "正在组织第三方评估", "已纳入年度重点督查事项", "建立了周调度、月通报机制",
    "各区县进度不平衡", "将进一步压实责任", "已形成阶段性成果",
    "群众满意度明显提升", "项目前期手续已办结",
]
STALL_NOTES = [
    "受资金未到位影响,项目暂停施工,正在积极协调解决",
    "因用地手续尚未办结,工程进展缓慢,正在加快报批",
    "受招标流程影响,本月无新增进展,下一步将加快推进",
    "项目设计方案调整中,暂无实质性进展,已提请专题研究",
]
DONE_NOTES = [
    "已全面完成年度目标任务,正在开展总结评估工作",
    "各项指标均已完成,提前实现目标,转入常态化管理",
    "已按期完成全部建设任务,并通过竣工验收",
]
CORRECTION_NOTES = ["更正上次填报数据", "数据填报有误,予以更正", "经核实,更正本月数据"]

KINDS_BY_KEY = {kind.key: kind for kind in METRIC_KINDS}
