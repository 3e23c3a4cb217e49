# Notices on translated pages. Adapted from the three-point notice of the
# ministry's own 言語切替 service.

disclaimer-heading = 自動翻訳について
# A page with machine-translated passages. $providers names the services
# (DeepL, Google Cloud Translation…); $reviewed and $passages are numbers.
disclaimer-intro = このページは日本語の原文を{ $providers }により機械翻訳したものです。以下の内容をご理解のうえ、ご利用ください。
disclaimer-reviewed =
    { $reviewed ->
        [0] このページの段落は、まだ翻訳者による確認を受けていません。
       *[other] このページの全{ $passages }段落のうち{ $reviewed }段落を翻訳者が確認しています。
    }
# When the newest machine translation on the page was made ($date from
# date-full).
disclaimer-when = 最終機械翻訳日：{ $date }
# A page whose every passage people translated or reviewed.
disclaimer-heading-human = 翻訳について
disclaimer-intro-human = このページは日本語の原文を人が翻訳したものです。すべての段落を翻訳者が確認しています。
disclaimer-text-only = 翻訳対象はページ内に記載されている文字情報です。画像等で表現されている内容は翻訳されません。
disclaimer-accuracy = 機械による自動翻訳のため、必ずしも正確な翻訳であるとは限りません。
disclaimer-speed = 翻訳ページは、日本語のページに比べて表示に若干時間がかかる場合があります。
disclaimer-authoritative = 内容については日本語の原文が正式なものです。
disclaimer-original-link = 日本語の原文を見る

notice-translation-pending-heading = 翻訳の準備中です
notice-translation-pending = このページの日本語以外の翻訳はまだ用意されていません。以下に日本語の原文を表示しています。
# While the translation of a page nobody has read in this language yet is
# being made (its passages appear as they are ready).
notice-translation-on-its-way = このページは現在翻訳中です。いまは日本語の原文を表示しています。翻訳ができた段落から順に表示されます。

notice-partial-translation = このページの一部はまだ翻訳されていないため、日本語のまま表示しています。
notice-partial-pending = 一部の段落は翻訳中のため、いまは日本語で表示しています。翻訳ができしだい表示されます。
# The small control after each translated passage of running text (its
# accessible name), and the panel it opens: the Japanese original and where
# the translation came from.
passage-tools-label = この段落の原文と翻訳の問題の報告
passage-original-label = 原文（日本語）
origin-machine = 機械翻訳
origin-bundled = 確認済みの翻訳
origin-translator = 翻訳者による翻訳
# honyaku が翻訳しない文書（PDF、画像、他サイトのページ）へのリンクの後に付ける表示。
link-japanese-only = （日本語のみ）
