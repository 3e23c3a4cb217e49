# 譯者網頁編輯器（/translators/）。頁面以日語或英語顯示
# （src/http/routes/editor.rs）；中文與韓語檔案同樣是實際譯文，
# 使每種語言都具有相同的訊息。

editor-name = honyaku 譯者編輯器
# The editor's own language switch (its heading).
editor-language-label = 編輯器語言
editor-footer = 在此儲存的譯文會立即向讀者顯示。
editor-logged-in-as = 已以 { $name } 登入
editor-logout = 登出
editor-home-link = 編輯器首頁

editor-login-title = 登入
editor-login-intro = 請使用發給您的譯者權杖登入。管理員可透過「honyaku translators add」建立權杖。
editor-token-label = 譯者權杖
editor-token-help = 權杖以 hny_ 開頭。瀏覽器不會儲存權杖；登入後，工作階段會在 12 小時內維持登入狀態。
editor-login-submit = 登入
editor-login-failed = 此權杖無效或已被撤銷。請檢查後再試一次。
editor-session-expired = 您的工作階段已結束，因此上一次修改未儲存。請重新登入；您輸入的文字保留在下方，可複製。
editor-kept-text = 未儲存的文字
editor-login-rate-limited = 您的位址登入失敗次數過多。請在 { $minutes } 分鐘後再試一次。

editor-home-title = 譯者編輯器
editor-home-who = 您已以 { $name } 登入。可編輯的語言：{ $languages }。
editor-pick-heading = 開啟頁面
editor-pick-page = 頁面
editor-pick-lang = 目標語言
editor-pick-state = 顯示的單元
editor-state-all = 全部單元
editor-state-machine = 未修改（機器翻譯或已審校譯文）
editor-state-approved = 已由譯者修改
editor-state-needs-review = 需要審查（日語原文已變更）
editor-pick-open = 開啟編輯器

editor-edit-title = { $language }譯文
editor-edit-intro = 每個單元顯示日語原文、讀者目前看到的譯文，以及供您輸入譯文的文字方塊。請保留 <b1>…</b1>、<x2/> 等預留位置，以及「必須保留」中列出的文字。
editor-filter-show = 顯示
editor-unit-count = { $count } 個單元
editor-no-units = 沒有符合此篩選條件的單元。
editor-unit-heading = 單元 { $position }：{ $part }
editor-part-title = 標題
editor-part-summary = 摘要
editor-part-bureau = 負責部門
editor-part-body = 內文
editor-part-contact = 聯絡方式
editor-part-attribute = 屬性文字
editor-part-memory = 翻譯記憶庫
editor-badge-machine = 未修改
editor-badge-approved = 顯示修改後的譯文
editor-badge-needs-review = 需要審查
editor-source-heading = 日語原文
editor-served-heading = 讀者目前看到的譯文
editor-origin-machine = 機器翻譯
editor-origin-machine-model = 機器翻譯（{ $model }）
editor-origin-bundled = 隨頁面提供的已審校譯文
editor-origin-translator = 譯者修改的譯文
editor-origin-source = 未翻譯：讀者看到的是日語
editor-machine-refused = 未採用：{ $reason }。讀者看到的是日語。
editor-last-change = 最後修改：{ $author }，{ $when }
editor-review-intro = 修改譯文之後，此單元的日語原文有所變更。修改後的譯文保留在下方文字方塊中，但在您核准或儲存新譯文之前不會向讀者顯示。
editor-review-before = 撰寫修改譯文時的日語
editor-review-after = 現在的日語
editor-your-translation = 您的譯文（{ $language }）
editor-must-keep = 必須保留：
editor-save = 儲存
# $origin: what readers get without an override, `bundled` (a reviewed
# translation shipped with the page) or `machine`.
editor-revert =
    { $origin ->
        [bundled] 還原為已審校譯文
       *[other] 還原為機器翻譯
    }
editor-approve = 照原樣核准
editor-history-link = 此單元的歷程記錄
editor-saved = 已儲存。讀者現在看到的是您的譯文。
# $origin: what readers get without an override, `bundled` (a reviewed
# translation shipped with the page) or `machine`.
editor-reverted =
    { $origin ->
        [bundled] 已還原。讀者再次看到已審校譯文。
       *[other] 已還原。讀者再次看到機器翻譯。
    }
editor-approved = 已核准。讀者再次看到此譯文。
editor-error-qa = 未儲存：{ $detail }。您輸入的文字仍保留在文字方塊中。
editor-error-stale = 未儲存：在此期間有其他人修改了此單元（目前版本為 { $version }）。對方的譯文顯示在「讀者目前看到的譯文」中；您的文字仍保留在文字方塊中。再次儲存將取代對方的譯文。
editor-error-conflict = 無法執行：{ $detail }。
editor-error-busy = 未儲存：資料庫忙碌中。您的文字仍保留在文字方塊中，請稍後再試。
editor-forbidden-title = 不是您負責的語言
editor-forbidden-lang = 您沒有編輯{ $language }譯文的權限。請聯絡管理員為您的帳戶加入該語言。

editor-history-title = 單元歷程記錄
editor-history-intro = 此單元{ $language }修改譯文的所有變更，依時間先後排列。
editor-history-empty = 尚無人修改此譯文。
editor-history-caption = 變更
editor-history-version = 版本
editor-history-when = 時間
editor-history-who = 修改者
editor-history-action = 變更內容
editor-history-before = 變更前
editor-history-after = 變更後
# $origin: what readers get without an override, `bundled` (a reviewed
# translation shipped with the page) or `machine`.
editor-history-machine =
    { $origin ->
        [bundled] （已審校譯文）
       *[other] （機器翻譯）
    }
editor-action-saved = 已儲存
editor-action-approved = 已核准
editor-action-flagged = 標記為需要審查：日語原文已變更
editor-action-reverted = 已還原
editor-back-to-page = 返回頁面

# Readers' reports on the page being edited.
editor-reports-title = 讀者回報（{ $count } 則待處理）
editor-reports-none = 此頁面沒有待處理的讀者回報。
editor-reports-passage = 相關段落
editor-reports-resolve = 標記為已處理
