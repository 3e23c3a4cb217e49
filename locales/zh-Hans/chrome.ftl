# Page chrome: header, language switcher, breadcrumb, footer.
# Language names in the switcher are endonyms and live in code (src/i18n.rs);
# the title attributes below name each language in the reader's own language.

site-name = 厚生劳动省
site-section = 新闻发布
skip-to-content = 跳转到正文

switcher-label = 语言切换
switcher-title-ja = 日语
switcher-title-en = 英语
switcher-title-zh-Hans = 简体中文
switcher-title-zh-Hant = 繁体中文
switcher-title-ko = 韩语

breadcrumb-label = 当前位置
breadcrumb-home = 首页
breadcrumb-press = 新闻与宣传
breadcrumb-press-releases = 新闻发布

# $year and $month are numbers, e.g. 2025 and 5.
date-year-month = { $year }年{ $month }月

page-published = 发布日期：{ date-year-month }
page-bureau = 负责部门：{ $bureau }
contact-heading = 咨询联系方式

index-title = 新闻发布
index-intro = 厚生劳动省新闻发布资料。每个页面均可阅读日语原文，以及英语、简体中文、繁体中文和韩语译文。

footer-service = 本网站由翻译服务 honyaku 提供。
footer-original-note = 翻译页面的内容以日语原文为准。
