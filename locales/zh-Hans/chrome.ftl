# Page chrome: header, language switcher, breadcrumb, footer.
# Language names in the switcher are endonyms and live in the configuration
# ([languages.known] in config/default.toml);
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
switcher-title-vi = 越南语
switcher-title-fil = 菲律宾语
switcher-title-pt-BR = 葡萄牙语（巴西）
switcher-title-ne = 尼泊尔语
switcher-title-id = 印度尼西亚语
switcher-title-my = 缅甸语
switcher-title-th = 泰语
switcher-title-es = 西班牙语
switcher-title-ja-x-easy = 简明日语

breadcrumb-label = 当前位置
breadcrumb-home = 首页
breadcrumb-press = 新闻与宣传
breadcrumb-press-releases = 新闻发布

# $year and $month are numbers, e.g. 2025 and 5.
date-year-month = { $year }年{ $month }月

date-full = { $year }年{ $month }月{ $day }日

page-published = 发布日期：{ date-year-month }
page-bureau = 负责部门：{ $bureau }
contact-heading = 咨询联系方式

index-title = 新闻发布
index-intro = 厚生劳动省新闻发布资料。每个页面均可阅读日语原文，以及英语、简体中文、繁体中文和韩语译文。

footer-service = 本网站由翻译服务 honyaku 提供。
footer-original-note = 翻译页面的内容以日语原文为准。

# 读者反馈:每段译文后的链接、报告表单及其回复。
# $max 和 $count 为字符数,$minutes 为分钟数。
report-link = 报告翻译问题
report-intro = 请告诉我们这段译文有什么问题。翻译人员会查看每一份报告。
report-original-label = 日文原文
report-translation-label = 当前译文
report-message-label = 问题说明(不超过 { $max } 个字符)
report-privacy = 请勿填写个人信息。我们不会记录报告者的任何信息(如 IP 地址、姓名或电子邮件地址)。
report-honeypot-label = 此栏请留空
report-submit = 提交报告
report-back = 返回该段落
report-thanks-title = 感谢您的报告
report-thanks-body = 我们已收到您的报告。翻译人员将核查这段译文。
report-thanks-your-message = 您提交的内容
report-error-empty = 请先说明问题再提交。
report-error-too-long = 您输入了 { $count } 个字符,最多只能输入 { $max } 个字符。
report-error-control = 您输入的内容包含无法接受的控制字符,请删除后再提交。
report-rate-limited = 短时间内提交的报告过多。请在约 { $minutes } 分钟后重试。
