# Notices on translated pages. Adapted from the three-point notice of the
# ministry's own "language switch" service.

disclaimer-heading = 关于自动翻译
# A page with machine-translated passages. $providers names the services
# (DeepL, Google Cloud Translation…); $reviewed and $passages are numbers.
disclaimer-intro = 本页面由日语原文经 { $providers } 机器翻译而成。请在了解以下事项的基础上使用。
disclaimer-reviewed =
    { $reviewed ->
        [0] 本页各段落尚未经译者审校。
       *[other] 本页全部 { $passages } 个段落中，已有 { $reviewed } 个经译者审校。
    }
# When the newest machine translation on the page was made ($date from
# date-full).
disclaimer-when = 最近一次机器翻译日期：{ $date }
# A page whose every passage people translated or reviewed.
disclaimer-heading-human = 关于本页翻译
disclaimer-intro-human = 本页面由人工根据日语原文翻译，所有段落均经译者审校。
disclaimer-text-only = 翻译对象仅限于页面中的文字信息。以图片等形式呈现的内容不会被翻译。
disclaimer-accuracy = 由于采用机器自动翻译，译文未必准确。
disclaimer-speed = 与日语页面相比，翻译页面的显示可能需要稍长的时间。
disclaimer-authoritative = 相关内容以日语原文为准。
disclaimer-original-link = 查看日语原文

notice-translation-pending-heading = 翻译准备中
notice-translation-pending = 本页面尚未翻译成简体中文。以下显示日语原文。
# While the translation of a page nobody has read in this language yet is
# being made (its passages appear as they are ready).
notice-translation-on-its-way = 本页面正在翻译成简体中文。目前显示日语原文，译好的段落将陆续显示。

notice-partial-translation = 本页部分内容尚未翻译，暂以日语原文显示。
notice-partial-pending = 部分段落仍在翻译中，暂以日语显示，译好后即会显示。
# The small control after each translated passage of running text (its
# accessible name), and the panel it opens: the Japanese original and where
# the translation came from.
passage-tools-label = 本段原文及翻译问题报告
passage-original-label = 日语原文
origin-machine = 机器翻译
origin-bundled = 经审校的译文
origin-translator = 由译者翻译
# 在指向 honyaku 不翻译的文档（PDF、图片、其他网站的页面）的链接之后显示。
link-japanese-only = （日语）
