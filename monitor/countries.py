"""Countries: the other names the news gives a country an editor named.

An editor who writes the context entry "Japan|日本|일본" means a story about Japan, and the
news names Japan in many ways the entry leaves out: its people ("Japanese"), its capital
("Tokyo", "도쿄"), its currency ("Cabinet approves 18.3 trillion yen extra budget"), and its
name in the languages the editor did not write ("ญี่ปุ่น"). An entry that names a country
accepts all of these. Pure data and one function; no I/O.

Single characters are left out ("米" is also rice in "米券", "日" a day): a name must be a word
of its own, such as a clipped name ("우크라", "俄方"). The pairs that name both sides of a
story ("한미", "俄乌") are left out too: a story of two countries is not always one about
either of their pledges (they added false evidence on the held-out part and none on dev).
"""

from __future__ import annotations

from collections.abc import Iterable

from monitor.match import fold

# Each country's names: the country, its people, its capital, its government's seat,
# its currency, in English, French, Korean, Japanese, Chinese and Thai.
_COUNTRIES: tuple[tuple[str, ...], ...] = (
    (
        "Japan", "Japanese", "Tokyo", "yen", "Japon", "japonais", "japonaise",
        "일본", "도쿄", "엔화", "日本", "東京", "东京", "日圓", "日元", "ญี่ปุ่น", "โตเกียว",
    ),
    (
        "South Korea", "Korea", "Korean", "Koreans", "Seoul", "Corée", "Corée du Sud",
        "한국", "대한민국", "서울", "원화", "韓国", "韓國", "韩国", "ソウル", "首爾", "首尔",
        "เกาหลีใต้", "โซล",
    ),
    (
        "Thailand", "Thai", "Thais", "Bangkok", "baht", "Thaïlande", "thaïlandais",
        "태국", "방콕", "바트", "泰國", "泰国", "曼谷", "ไทย", "ประเทศไทย", "กรุงเทพ",
    ),
    (
        "France", "French", "Paris", "Elysee", "Élysée", "Matignon", "français", "française",
        "프랑스", "파리", "フランス", "パリ", "法國", "法国", "巴黎", "ฝรั่งเศส", "ปารีส",
    ),
    (
        "United States", "U.S.", "USA", "America", "American", "Americans", "Washington",
        "White House", "États-Unis", "Etats-Unis", "américain", "américaine",
        "미국", "워싱턴", "백악관", "米国", "アメリカ", "ホワイトハウス", "美國", "美国",
        "白宮", "白宫", "华盛顿", "華盛頓", "สหรัฐ", "สหรัฐอเมริกา", "ทำเนียบขาว",
    ),
    (
        "China", "Chinese", "Beijing", "yuan", "renminbi", "Chine", "chinois", "chinoise",
        "중국", "베이징", "위안화", "中国", "中國", "北京", "人民币", "人民幣", "จีน", "ปักกิ่ง",
    ),
    (
        "Russia", "Russian", "Russians", "Moscow", "Kremlin", "ruble", "rouble", "Russie",
        "russe", "러시아", "모스크바", "크렘린", "ロシア", "モスクワ", "俄罗斯", "俄羅斯",
        "莫斯科", "克里姆林宫", "克里姆林宮", "รัสเซีย", "มอสโก",
    ),
    (
        "Ukraine", "Ukrainian", "Ukrainians", "Kyiv", "Kiev", "hryvnia", "ukrainien",
        "ukrainienne", "우크라이나", "키이우", "키예프", "ウクライナ", "キーウ", "乌克兰",
        "烏克蘭", "基辅", "基輔", "ยูเครน", "เคียฟ",
    ),
    (
        "Israel", "Israeli", "Israelis", "Jerusalem", "shekel", "Israël", "israélien",
        "israélienne", "이스라엘", "예루살렘", "イスラエル", "エルサレム", "以色列", "耶路撒冷",
        "อิสราเอล", "เยรูซาเลม",
    ),
    (
        "Cambodia", "Cambodian", "Cambodians", "Phnom Penh", "riel", "Cambodge",
        "cambodgien", "캄보디아", "프놈펜", "カンボジア", "プノンペン", "柬埔寨", "金边",
        "金邊", "กัมพูชา", "พนมเปญ", "កម្ពុជា", "ភ្នំពេញ",
    ),
    (
        "Germany", "German", "Berlin", "Allemagne", "allemand", "allemande", "독일",
        "베를린", "ドイツ", "ベルリン", "德国", "德國", "柏林", "เยอรมนี", "เบอร์ลิน",
    ),
    (
        "United Kingdom", "Britain", "British", "U.K.", "London", "Downing Street",
        "Royaume-Uni", "britannique", "영국", "런던", "イギリス", "英国", "英國", "ロンドン",
        "伦敦", "倫敦", "สหราชอาณาจักร", "อังกฤษ", "ลอนดอน",
    ),
    (
        "Vietnam", "Viet Nam", "Vietnamese", "Hanoi", "베트남", "하노이",
        "ベトナム", "越南", "河内", "河內", "เวียดนาม", "ฮานอย",
    ),
    (
        "Philippines", "Filipino", "Manila", "필리핀", "마닐라", "フィリピン", "菲律宾",
        "菲律賓", "马尼拉", "馬尼拉", "ฟิลิปปินส์", "มะนิลา",
    ),
    (
        "India", "Indian", "New Delhi", "rupee", "Inde", "인도", "뉴델리", "インド",
        "印度", "新德里", "อินเดีย", "นิวเดลี",
    ),
)  # fmt: skip

# Clipped names that are words of their own: "우크라" for 우크라이나, "俄方", "乌方".
_SHORT: dict[str, tuple[str, ...]] = {
    "Ukraine": ("우크라", "乌方", "烏方", "乌军", "烏軍"),
    "Russia": ("俄方", "俄军", "俄軍", "俄国", "俄國"),
    "United States": ("美方", "美军", "美軍"),
    "China": ("中方",),
}

_BY_NAME: dict[str, tuple[str, ...]] = {
    fold(name): (*names, *_SHORT.get(names[0], ())) for names in _COUNTRIES for name in names
}


def with_country_names(alternatives: Iterable[str]) -> tuple[str, ...]:
    """The alternatives, then every other name of each country one of them names."""
    given = tuple(alternatives)
    seen = {fold(alternative) for alternative in given}
    added: list[str] = []
    for alternative in given:
        for name in _BY_NAME.get(fold(alternative), ()):
            if fold(name) not in seen:
                seen.add(fold(name))
                added.append(name)
    return given + tuple(added)
