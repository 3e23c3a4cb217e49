# 翻訳者向け編集画面（/translators/）。画面は日本語か英語で表示する
# （src/http/routes/editor.rs）。中国語・韓国語のファイルも実際の翻訳で、
# すべてのロケールが同じメッセージを持つように置いている。

editor-name = honyaku 翻訳者用編集画面
# The editor's own language switch (its heading).
editor-language-label = 編集画面の言語
editor-footer = ここで保存した翻訳は、すぐに閲覧者に表示されます。
editor-logged-in-as = { $name } としてログイン中
editor-logout = ログアウト
editor-home-link = 編集画面トップ

editor-login-title = ログイン
editor-login-intro = 配布された翻訳者トークンでログインしてください。トークンは管理者が「honyaku translators add」で発行します。
editor-token-label = 翻訳者トークン
editor-token-help = hny_ で始まる文字列です。ブラウザーには保存されません。ログイン後は12時間、セッションでログイン状態が保たれます。
editor-login-submit = ログイン
editor-login-failed = このトークンは無効か、失効しています。確認してもう一度お試しください。
editor-session-expired = セッションが終了したため、直前の変更は保存されていません。もう一度ログインしてください。入力した文章は下に残してあります。
editor-kept-text = 保存されていない入力内容
editor-login-rate-limited = このアドレスからのログイン失敗が多すぎます。{ $minutes }分後にもう一度お試しください。

editor-home-title = 翻訳者用編集画面
editor-home-who = { $name } としてログインしています。編集できる言語：{ $languages }
editor-pick-heading = ページを開く
editor-pick-page = ページ
editor-pick-lang = 翻訳先の言語
editor-pick-state = 表示する単位
editor-state-all = すべての単位
editor-state-machine = 修正なし（機械翻訳または確認済みの翻訳）
editor-state-approved = 翻訳者が修正したもの
editor-state-needs-review = 要確認（原文が変更されたもの）
editor-pick-open = 編集画面を開く

editor-edit-title = { $language }の翻訳
editor-edit-intro = 単位ごとに、日本語の原文、閲覧者に現在表示されている訳文、翻訳の入力欄を示します。<b1>…</b1> や <x2/> などのプレースホルダーと、「必ず残す文字列」に挙げた文字列は消さないでください。
editor-filter-show = 表示
editor-unit-count = { $count }件の単位
editor-no-units = この条件に合う単位はありません。
editor-unit-heading = 単位 { $position }：{ $part }
editor-part-title = 表題
editor-part-summary = 概要
editor-part-bureau = 担当部局
editor-part-body = 本文
editor-part-contact = 照会先
editor-part-attribute = 属性テキスト
editor-part-memory = 翻訳メモリ
editor-badge-machine = 修正なし
editor-badge-approved = 修正訳を表示中
editor-badge-needs-review = 要確認
editor-source-heading = 日本語の原文
editor-served-heading = 閲覧者に現在表示されている訳文
editor-origin-machine = 機械翻訳
editor-origin-machine-model = 機械翻訳（{ $model }）
editor-origin-bundled = ページに同梱された確認済みの翻訳
editor-origin-translator = 翻訳者による修正訳
editor-origin-source = 未翻訳（閲覧者には日本語を表示）
editor-machine-refused = 採用されませんでした：{ $reason }。閲覧者には日本語が表示されます。
editor-last-change = 最終更新：{ $author }（{ $when }）
editor-review-intro = 修正訳を書いた後で、この単位の日本語が変更されました。修正訳は下の入力欄に残っていますが、承認するか新しい訳を保存するまで閲覧者には表示されません。
editor-review-before = 修正訳を書いたときの日本語
editor-review-after = 現在の日本語
editor-your-translation = あなたの翻訳（{ $language }）
editor-must-keep = 必ず残す文字列：
editor-save = 保存
# $origin: what readers get without an override, `bundled` (a reviewed
# translation shipped with the page) or `machine`.
editor-revert =
    { $origin ->
        [bundled] 確認済みの翻訳に戻す
       *[other] 機械翻訳に戻す
    }
editor-approve = このまま承認
editor-history-link = この単位の履歴
editor-saved = 保存しました。閲覧者にはあなたの翻訳が表示されます。
# $origin: what readers get without an override, `bundled` (a reviewed
# translation shipped with the page) or `machine`.
editor-reverted =
    { $origin ->
        [bundled] 元に戻しました。閲覧者には再び確認済みの翻訳が表示されます。
       *[other] 元に戻しました。閲覧者には再び機械翻訳が表示されます。
    }
editor-approved = 承認しました。閲覧者には再びこの翻訳が表示されます。
editor-error-qa = 保存されませんでした：{ $detail }。入力した文章は入力欄に残っています。
editor-error-stale = 保存されませんでした：この間に別の人がこの単位を変更しました（現在のバージョンは { $version }）。その人の訳文は「閲覧者に現在表示されている訳文」に表示しています。あなたの文章は入力欄に残っています。もう一度保存すると、その人の訳文を置き換えます。
editor-error-conflict = 実行できませんでした：{ $detail }。
editor-error-busy = 保存されませんでした：データベースが混み合っています。入力した文章は入力欄に残っています。少し待ってからもう一度お試しください。
editor-forbidden-title = 担当外の言語です
editor-forbidden-lang = { $language }の翻訳を編集する権限がありません。管理者にこの言語をアカウントへ追加するよう依頼してください。

editor-history-title = 単位の履歴
editor-history-intro = この単位の{ $language }の修正訳に対するすべての変更（古い順）。
editor-history-empty = この翻訳はまだ誰も変更していません。
editor-history-caption = 変更
editor-history-version = バージョン
editor-history-when = 日時
editor-history-who = 変更者
editor-history-action = 変更内容
editor-history-before = 変更前
editor-history-after = 変更後
# $origin: what readers get without an override, `bundled` (a reviewed
# translation shipped with the page) or `machine`.
editor-history-machine =
    { $origin ->
        [bundled] （確認済みの翻訳）
       *[other] （機械翻訳）
    }
editor-action-saved = 保存
editor-action-approved = 承認
editor-action-flagged = 要確認に変更（原文が変更されたため）
editor-action-reverted = 元に戻した
editor-back-to-page = ページに戻る

# Readers' reports on the page being edited.
editor-reports-title = 読者からの報告（未対応 { $count } 件）
editor-reports-none = このページに未対応の報告はありません。
editor-reports-passage = 該当箇所
editor-reports-resolve = 対応済みにする
