# Notices on translated pages. Adapted from the three-point notice of the
# ministry's own "language switch" service.

disclaimer-heading = 关于自动翻译
disclaimer-intro = 本页面由日语原文经机器自动翻译而成。请在了解以下事项的基础上使用。
disclaimer-text-only = 翻译对象仅限于页面中的文字信息。以图片等形式呈现的内容不会被翻译。
disclaimer-accuracy = 由于采用机器自动翻译，译文未必准确。
disclaimer-speed = 与日语页面相比，翻译页面的显示可能需要稍长的时间。
disclaimer-authoritative = 相关内容以日语原文为准。
disclaimer-original-link = 查看日语原文

notice-translation-pending-heading = 翻译准备中
notice-translation-pending = 本页面尚未翻译成简体中文。以下显示日语原文。

notice-partial-translation = 本页部分内容尚未翻译，暂以日语原文显示。
# The small control after each translated passage of running text (its
# accessible name), and the panel it opens: the Japanese original and where
# the translation came from.
passage-tools-label = 本段原文及翻译问题报告
passage-original-label = 日语原文
origin-machine = 机器翻译
origin-bundled = 经审校的译文
origin-translator = 由译者翻译
