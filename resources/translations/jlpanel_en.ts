<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>找不到许可证文件：{path}</source>
        <extracomment>What a version reads when it cannot be found.</extracomment>
        <translation>Licence file not found: {path}</translation>
    </message>
    <message>
        <source>组件</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>许可证</source>
        <translation>Licences</translation>
    </message>
    <message>
        <source>网址</source>
        <translation>Web site</translation>
    </message>
    <message>
        <source>许可证</source>
        <comment>column</comment>
        <translation>Licence</translation>
    </message>
    <message>
        <source>第三方组件</source>
        <translation>Third-party components</translation>
    </message>
    <message>
        <source>关于 jlpanel</source>
        <translation>About jlpanel</translation>
    </message>
    <message>
        <source>吉林省科技资源共享服务平台考核评价</source>
        <translation>Evaluation of the Jilin Provincial S&amp;T Resource Sharing Service Platforms</translation>
    </message>
    <message>
        <source>版本 {version}</source>
        <translation>Version {version}</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>许可证全文</source>
        <translation>Licence texts</translation>
    </message>
    <message>
        <source>为考核周期的专家评审、评分汇总和结果管理而设计的离线工作台：工作人员管理考核周期，评审专家在自己的电脑上离线评分，评审秘书合并评分、确定结果并打印报告。</source>
        <translation>An offline desk for the expert review, score consolidation and results of an evaluation cycle: staff run the cycle, experts score offline on their own computers, the panel secretary merges the scores, settles the results and prints the reports.</translation>
    </message>
    <message>
        <source>jlpanel 版本：</source>
        <translation>jlpanel version:</translation>
    </message>
    <message>
        <source>Python 版本：</source>
        <translation>Python version:</translation>
    </message>
    <message>
        <source>Qt 版本：</source>
        <translation>Qt version:</translation>
    </message>
    <message>
        <source>PySide6 版本：</source>
        <translation>PySide6 version:</translation>
    </message>
    <message>
        <source>许可证：</source>
        <translation>Licence:</translation>
    </message>
    <message>
        <source>查看许可证全文(&amp;L)</source>
        <translation>Read the &amp;licence</translation>
    </message>
    <message>
        <source>jlpanel 随附以下第三方组件，各自按其许可证使用；版本为当前运行的版本。选中一行后按「查看许可证全文」阅读许可证。</source>
        <translation>jlpanel ships with these third-party components, each used under its own licence; the versions are the ones running now. Select a row and press &quot;Read the full licence&quot; to read it.</translation>
    </message>
    <message>
        <source>查看许可证全文(&amp;V)</source>
        <translation>Read the &amp;full licence</translation>
    </message>
    <message>
        <source>文本(&amp;T)：</source>
        <translation>&amp;Text:</translation>
    </message>
    <message>
        <source>jlpanel 的许可证（Apache License 2.0）</source>
        <translation>jlpanel&apos;s licence (Apache License 2.0)</translation>
    </message>
    <message>
        <source>文泉驿微米黑字体的许可证（Apache License 2.0）</source>
        <translation>The WenQuanYi Micro Hei font&apos;s licence (Apache License 2.0)</translation>
    </message>
    <message>
        <source>第三方组件及其许可证</source>
        <translation>Third-party components and their licences</translation>
    </message>
</context>
<context>
    <name>AssignmentMatrix</name>
    <message>
        <source>专家数</source>
        <translation>Experts</translation>
    </message>
    <message>
        <source>已分配的专家数 / 无回避关系的专家数；每个平台至少需要 {n} 位</source>
        <translation>Experts assigned / experts without a conflict; every platform needs at least {n}</translation>
    </message>
    <message>
        <source>工作量（平台数）</source>
        <translation>Load (platforms)</translation>
    </message>
    <message>
        <source>依托单位：{host}</source>
        <translation>Host unit: {host}</translation>
    </message>
    <message>
        <source>注意：已分配，但存在回避关系；请重新分配专家。</source>
        <translation>Note: assigned, but there is a conflict of interest; assign the experts again.</translation>
    </message>
    <message>
        <source>已分配</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <source>已分配 {assigned} 位专家；无回避关系的专家 {free} 位</source>
        <translation>{assigned} expert(s) assigned; {free} without a conflict</translation>
    </message>
    <message>
        <source>无回避关系的专家不足 {n} 位：无法分配，请增加专家</source>
        <translation>Fewer than {n} experts without a conflict: cannot be assigned; add experts</translation>
    </message>
    <message>
        <source>已分配的专家不足 {n} 位</source>
        <translation>Fewer than {n} experts assigned</translation>
    </message>
</context>
<context>
    <name>AttachmentsModel</name>
    <message>
        <source>PDF 文档</source>
        <translation>PDF document</translation>
    </message>
    <message>
        <source>图片（{kind}）</source>
        <translation>Image ({kind})</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>变更（原值 → 新值）</source>
        <translation>Change (old → new)</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>审计日志.xlsx</source>
        <translation>Audit log.xlsx</translation>
    </message>
    <message>
        <source>导出审计日志</source>
        <translation>Export the audit log</translation>
    </message>
    <message>
        <source>共 {n} 条</source>
        <comment>one</comment>
        <translation>{n} entry</translation>
    </message>
    <message>
        <source>共 {n} 条</source>
        <comment>other</comment>
        <translation>{n} entries</translation>
    </message>
    <message>
        <source>已导出 {n} 条到 {path}</source>
        <comment>one</comment>
        <translation>Exported {n} entry to {path}</translation>
    </message>
    <message>
        <source>已导出 {n} 条到 {path}</source>
        <comment>other</comment>
        <translation>Exported {n} entries to {path}</translation>
    </message>
    <message>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>操作(&amp;K)：</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>平台(&amp;P)：</source>
        <translation>&amp;Platform:</translation>
    </message>
    <message>
        <source>从(&amp;F)：</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>至(&amp;T)：</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>显示全部(&amp;A)</source>
        <translation>Show &amp;all</translation>
    </message>
    <message>
        <source>导出(&amp;E)…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>把列出的记录导出为 Excel 工作簿或 CSV 表格</source>
        <translation>Export the entries listed as an Excel workbook or a CSV table</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>BasicInfoModel</name>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Value</translation>
    </message>
</context>
<context>
    <name>ConsensusDialog</name>
    <message>
        <source>调整得分</source>
        <translation>Adjust score</translation>
    </message>
    <message>
        <source>按规则计算的得分：{score}</source>
        <translation>Score computed under the rules: {score}</translation>
    </message>
    <message>
        <source>取消调整，恢复按规则计算的得分</source>
        <translation>Withdraw the adjustment and use the computed score</translation>
    </message>
    <message>
        <source>写明调整的理由，例如专家组讨论的结论（必填）</source>
        <translation>The reason for the adjustment, e.g. the panel&apos;s conclusion (required)</translation>
    </message>
    <message>
        <source>调整后得分</source>
        <translation>Adjusted score</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>调整及理由记入审计日志，并在评价报告中注明。</source>
        <translation>The adjustment and its reason go into the audit log and are stated in the evaluation report.</translation>
    </message>
    <message>
        <source>专家组意见</source>
        <translation>Panel opinion</translation>
    </message>
    <message>
        <source>按模板重新生成</source>
        <translation>Draft again from the template</translation>
    </message>
    <message>
        <source>草稿按评分结果生成，请根据专家组讨论修改后保存。</source>
        <translation>The draft is written from the scores; edit it after the panel&apos;s discussion, then save.</translation>
    </message>
</context>
<context>
    <name>DeclarationPage</name>
    <message>
        <source>备案编号</source>
        <extracomment>The row is the unit of a declaration: it is selected whole, whichever cell is current. Whether a declaration is stored for it, and as what. The reason column keeps at least this many characters&apos; width in view.</extracomment>
        <translation>Filing no.</translation>
    </message>
    <message>
        <source>平台名称</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>依托单位</source>
        <translation>Host unit</translation>
    </message>
    <message>
        <source>声明</source>
        <translation>Declaration</translation>
    </message>
    <message>
        <source>回避理由</source>
        <translation>Reason for the conflict</translation>
    </message>
    <message>
        <source>申请回避</source>
        <extracomment>A declaration was ticked or a reason typed. Row ``n`` was just declared a conflict (its reason is wanted next).</extracomment>
        <translation>Conflict of interest</translation>
    </message>
    <message>
        <source>无利益冲突</source>
        <translation>No conflict</translation>
    </message>
    <message>
        <source>（须填写理由：选中后直接输入）</source>
        <translation>(a reason is required: select the cell and type)</translation>
    </message>
    <message>
        <source>点选“无利益冲突”或“申请回避”；在本行任一格按空格键切换，Ctrl+Z 撤销</source>
        <translation>Choose “No conflict” or “Conflict of interest”; Space in any cell of the row switches, Ctrl+Z undoes</translation>
    </message>
    <message>
        <source>{filing} 申请回避</source>
        <translation>{filing} conflict of interest</translation>
    </message>
    <message>
        <source>{filing} 无利益冲突</source>
        <translation>{filing} no conflict</translation>
    </message>
    <message>
        <source>{filing} 回避理由</source>
        <translation>{filing} reason for the conflict</translation>
    </message>
    <message>
        <source>本人{expert}受委托参加“{cycle}”专家评审，郑重承诺：</source>
        <translation>I, {expert}, appointed as an expert reviewer for “{cycle}”, solemnly undertake:</translation>
    </message>
    <message>
        <source>对评审中知悉的平台材料、附件、评审意见和评分结果严格保密，不以任何形式复制、泄露或向他人提供；</source>
        <translation>to keep the platforms&apos; materials, attachments, review opinions and scores I see in this review strictly confidential, and not to copy, disclose or pass them on in any form;</translation>
    </message>
    <message>
        <source>不向被评审平台、依托单位及其他任何人透露评审情况和本人的评分；</source>
        <translation>not to reveal the course of the review or my scores to the platforms reviewed, their host units or anyone else;</translation>
    </message>
    <message>
        <source>依据评分细则独立、客观、公正地评分，不受任何单位和个人的影响；</source>
        <translation>to score independently, objectively and fairly by the rubric, free of influence from any organisation or person;</translation>
    </message>
    <message>
        <source>与被评审平台或其依托单位存在任职、合作、亲属等利益关系的，主动申请回避并说明理由；</source>
        <translation>to declare a conflict of interest, with its reason, wherever I hold a post, collaborate, or have relatives at a platform reviewed or its host unit;</translation>
    </message>
    <message>
        <source>评审结束后，按要求交回或删除评审包及其中的全部材料。</source>
        <translation>to return or delete the review package and all its materials when the review is over, as instructed.</translation>
    </message>
    <message>
        <source>无利益冲突 {none} 个，申请回避 {conflicts} 个</source>
        <extracomment>The expert confirmed; carries the list of DeclarationChange to store (maybe empty). 继续评分 from the summary.</extracomment>
        <translation>{none} without a conflict, {conflicts} with a conflict of interest</translation>
    </message>
    <message>
        <source>已声明：{counts}。评分已提交并锁定，重新打开后可修改。</source>
        <translation>Declared: {counts}. The scores are submitted and locked; reopen the sheet to change this.</translation>
    </message>
    <message>
        <source>已声明：{counts}。</source>
        <translation>Declared: {counts}.</translation>
    </message>
    <message>
        <source>请先阅读并勾选保密承诺。</source>
        <translation>Read and tick the confidentiality pledge first.</translation>
    </message>
    <message>
        <source>还有 {n} 个申请回避的平台未填写理由。</source>
        <comment>one</comment>
        <translation>{n} platform with a declared conflict still needs a reason.</translation>
    </message>
    <message>
        <source>还有 {n} 个申请回避的平台未填写理由。</source>
        <comment>other</comment>
        <translation>{n} platforms with a declared conflict still need a reason.</translation>
    </message>
    <message>
        <source>{counts}。申请回避的平台不再列入评分。</source>
        <translation>{counts}. Platforms with a declared conflict are taken off your sheet.</translation>
    </message>
    <message>
        <source>{n} 个平台</source>
        <comment>one</comment>
        <translation>{n} platform</translation>
    </message>
    <message>
        <source>{n} 个平台</source>
        <comment>other</comment>
        <translation>{n} platforms</translation>
    </message>
    <message>
        <source>评审专家：{expert} · 考核周期：{cycle} · 分配给您评审的 {count}。开始评分前，请阅读保密承诺，并声明与各平台有无利益冲突。</source>
        <translation>Expert: {expert} · Cycle: {cycle} · {count} assigned to you. Before scoring, read the confidentiality pledge and declare any conflict of interest with each platform.</translation>
    </message>
    <message>
        <source>回避与保密声明</source>
        <translation>Conflicts of interest and confidentiality</translation>
    </message>
    <message>
        <source>我已阅读上述承诺，并承诺遵守(&amp;P)</source>
        <translation>I have read the pledge above and will abide by it (&amp;P)</translation>
    </message>
    <message>
        <source>修改对各平台的回避声明（已提交评分后须先重新打开）</source>
        <translation>Change your declarations (after submitting, reopen the sheet first)</translation>
    </message>
    <message>
        <source>修改声明(&amp;M)</source>
        <translation>&amp;Modify declarations</translation>
    </message>
    <message>
        <source>确认并开始评审(&amp;B)</source>
        <translation>Confirm and &amp;begin scoring</translation>
    </message>
    <message>
        <source>勾选保密承诺，并为每个申请回避的平台填写理由后可用</source>
        <translation>Available once the pledge is ticked and every declared conflict has a reason</translation>
    </message>
    <message>
        <source>请逐一声明与下列平台有无利益冲突：每行选“无利益冲突”或“申请回避”（在一行中按空格键切换，Ctrl+Z 撤销）；申请回避须填写理由：</source>
        <translation>Declare for each platform below whether you have a conflict of interest: choose “No conflict” or “Conflict of interest” on every row (Space on a row switches, Ctrl+Z undoes); a conflict needs a reason:</translation>
    </message>
    <message>
        <source>继续评分(&amp;C)</source>
        <translation>&amp;Continue scoring</translation>
    </message>
</context>
<context>
    <name>DemoBuild</name>
    <message>
        <source>写入专家名单</source>
        <extracomment>The demo&apos;s folder under the user&apos;s data folder.</extracomment>
        <translation>Writing the expert roster</translation>
    </message>
    <message>
        <source>创建工作区</source>
        <translation>Creating the workspace</translation>
    </message>
    <message>
        <source>导入专家名单、分配专家并发放评审包</source>
        <translation>Importing the roster, assigning experts and issuing review packages</translation>
    </message>
    <message>
        <source>模拟专家评分并提交评分文件</source>
        <translation>Simulating the experts&apos; scoring and their score files</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>生成 {name}</source>
        <translation>Generating {name}</translation>
    </message>
    <message>
        <source>导入 {name}</source>
        <translation>Importing {name}</translation>
    </message>
    <message>
        <source>模拟专家评分：{name}</source>
        <translation>Simulating {name}&apos;s scoring</translation>
    </message>
    <message>
        <source>正在生成演示考核周期</source>
        <translation>Building the demo assessment cycle</translation>
    </message>
    <message>
        <source>第一次打开时先生成演示数据，大约需要半分钟。生成的文件保存在：
{folder}</source>
        <translation>The demo data is built the first time it is opened; this takes about half a minute. Its files are kept in:
{folder}</translation>
    </message>
    <message>
        <source>准备中…</source>
        <translation>Getting ready…</translation>
    </message>
    <message>
        <source>第 {done}/{total} 步：{step}</source>
        <translation>Step {done} of {total}: {step}</translation>
    </message>
    <message>
        <source>正在停止：等当前一步做完，再删除已生成的文件…</source>
        <translation>Stopping: the current step finishes, then the files made so far are removed…</translation>
    </message>
</context>
<context>
    <name>DeskModels</name>
    <message>
        <source>未开始</source>
        <extracomment>The state of a platform on the desk: its icon (a distinct shape) and colour.</extracomment>
        <translation>Not started</translation>
    </message>
    <message>
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>已回避</source>
        <translation>Conflict declared</translation>
    </message>
    <message>
        <source>平台</source>
        <extracomment>Unscored indicators this row stands for (1: a single problem). Whether they are all the rubric&apos;s indicators (the platform is not started).</extracomment>
        <translation>Platform</translation>
    </message>
    <message>
        <source>已评</source>
        <translation>Scored</translation>
    </message>
    <message>
        <source>总分</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>修改尚未提交</source>
        <extracomment>Platforms changed since the last submitted score file (a reopened sheet).</extracomment>
        <translation>Changes not submitted yet</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>需要处理</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>回避声明</source>
        <translation>Declaration</translation>
    </message>
    <message>
        <source>全部指标</source>
        <translation>All indicators</translation>
    </message>
    <message>
        <source>{code} 等 {n} 项</source>
        <translation>{code} etc. ({n} in all)</translation>
    </message>
    <message>
        <source>{code}（{max}）
{name}</source>
        <translation>{code} ({max})
{name}</translation>
    </message>
    <message>
        <source>加分</source>
        <translation>Bonus</translation>
    </message>
    <message>
        <source>否决</source>
        <translation>Veto</translation>
    </message>
    <message>
        <source>{points}（{level}）</source>
        <translation>{points} ({level})</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>已声明回避：{reason}</source>
        <translation>Conflict declared: {reason}</translation>
    </message>
</context>
<context>
    <name>DiscussionPage</name>
    <message>
        <source>讨论清单</source>
        <translation>Discussion list</translation>
    </message>
    <message>
        <source>专家评分尺度</source>
        <translation>Expert leniency</translation>
    </message>
    <message>
        <source>各专家总分与同组平均的偏离，仅供参考，不会自动修正任何得分。</source>
        <translation>How far each expert&apos;s totals are from their panels&apos; means. Information only: no score is ever corrected by it.</translation>
    </message>
    <message>
        <source>专家组评分一致性</source>
        <translation>Panel agreement</translation>
    </message>
    <message>
        <source>ICC(2,k)：平台得分在多大程度上不取决于由哪几位专家评分（用全部有效评分；k 为每个平台的平均专家数）。
Kendall&apos;s W：专家对平台的排序是否一致（用每位专家都评了的那部分平台）。
n 为所用平台数，k 为专家数。</source>
        <translation>ICC(2,k): how little a platform&apos;s score depends on which experts scored it (all valid totals; k is the mean number of experts per platform).
Kendall&apos;s W: whether the experts order the platforms alike (on the platforms that every one of those experts scored).
n is the number of platforms used, k the number of experts.</translation>
    </message>
    <message>
        <source>越接近 1 越一致；仅供参考，不会改变任何得分。</source>
        <translation>Closer to 1 is more alike. Information only: it changes no score.</translation>
    </message>
    <message>
        <source>平台：</source>
        <translation>Platform:</translation>
    </message>
    <message>
        <source>认定/驳回否决(&amp;V)…</source>
        <translation>Rule on &amp;Veto…</translation>
    </message>
    <message>
        <source>专家组对所选平台的一票否决主张作出认定或驳回，须写明理由</source>
        <translation>Confirm or dismiss the veto claimed on the chosen platform, with the panel&apos;s reason</translation>
    </message>
    <message>
        <source>调整得分…</source>
        <translation>Adjust score…</translation>
    </message>
    <message>
        <source>专家组意见…</source>
        <translation>Panel opinion…</translation>
    </message>
</context>
<context>
    <name>DoneMessage</name>
    <message>
        <source>打开文件(&amp;F)</source>
        <translation>Open &amp;File</translation>
    </message>
    <message>
        <source>打开文件夹(&amp;O)</source>
        <translation>&amp;Open Folder</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>DossierView</name>
    <message>
        <source>备案编号 {no}</source>
        <extracomment>Widest a sheet column starts (the user can widen it); narrowest. Rows read to size a sheet&apos;s columns (never all of them). Cell padding of the sheet tables, and what a column adds to its widest text (the padding, the style&apos;s own text margins and a little air). Rows fetched first, so a big sheet shows at once; the rest follow in the background. The overview of this platform is shown. A sheet&apos;s rows have arrived (its Dossier attribute, e.g. &quot;services&quot;). Every row of a big sheet has arrived (after its first page was shown). An attachment was written to this file and handed to the system viewer. Loading failed; carries the message shown. A finding to go to once its sheet has arrived: (tab, workbook row, column header).</extracomment>
        <translation>Filing no. {no}</translation>
    </message>
    <message>
        <source>依托单位 {host}</source>
        <translation>Host unit {host}</translation>
    </message>
    <message>
        <source>来源文件 {file}</source>
        <translation>Source file {file}</translation>
    </message>
    <message>
        <source>{name} ({count})</source>
        <translation>{name} ({count})</translation>
    </message>
    <message>
        <source>概况</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>客观指标</source>
        <translation>Metrics</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>工作总结见附件：{name}</source>
        <translation>The work summary is in the attachment {name}</translation>
    </message>
    <message>
        <source>（未填写工作总结）</source>
        <translation>(No work summary was given)</translation>
    </message>
    <message>
        <source>返回平台列表（Esc 或 Backspace）</source>
        <translation>Back to the platform list (Esc or Backspace)</translation>
    </message>
    <message>
        <source>返回列表</source>
        <translation>Back to list</translation>
    </message>
    <message>
        <source>正在读取…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>工作总结</source>
        <translation>Work summary</translation>
    </message>
    <message>
        <source>由平台材料计算得出的客观指标，右侧列出评分时参考该指标的评分细则指标。</source>
        <translation>Objective metrics computed from the dossier; on the right, the rubric indicators that draw on each metric.</translation>
    </message>
    <message>
        <source>导入时校验发现的问题。这些问题不妨碍导入，但评审时应当留意，必要时请依托单位补正。</source>
        <translation>Problems the checks found on import. They did not stop the import, but reviewers should note them; ask the host unit to correct them where needed.</translation>
    </message>
    <message>
        <source>用系统默认的程序打开所选附件（Enter 或双击）</source>
        <translation>Open the selected attachment in the default program (Enter or double-click)</translation>
    </message>
    <message>
        <source>打开(&amp;O)</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>附件会复制到临时文件夹后打开，工作区中的原件不受影响。</source>
        <translation>Attachments are copied to a temporary folder and opened from there; the originals in the workspace stay as they are.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>无法完成操作</source>
        <translation>Cannot complete the operation</translation>
    </message>
    <message>
        <source>程序出现了一个错误，当前操作未能完成。

{error}

详细信息已写入日志文件：
{log}

请将该文件发送给技术支持人员。已保存在工作区中的内容不受影响。</source>
        <translation>The program ran into an error and could not finish what it was doing.

{error}

The details have been written to the log file:
{log}

Please send this file to technical support. Everything already saved in the workspace is safe.</translation>
    </message>
    <message>
        <source>程序错误</source>
        <translation>Program error</translation>
    </message>
</context>
<context>
    <name>ExpertTableModel</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>工作单位</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>职称</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>专业领域</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>回避</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>工作量</source>
        <translation>Load</translation>
    </message>
    <message>
        <source>须回避的平台数（同单位、名单所列回避单位、本人声明、同名核实）</source>
        <translation>Platforms with a conflict of interest (same institution, units named in the roster, declared, same name confirmed)</translation>
    </message>
    <message>
        <source>分配给该专家评审的平台数</source>
        <translation>Platforms assigned to this expert</translation>
    </message>
    <message>
        <source>；</source>
        <extracomment>The marks of the matrix: assigned, a conflict of interest. Rows of a platform short of experts: a light red wash (and a warning icon in its count). A cell&apos;s conflict reasons, without the tooltip&apos;s decoration (tests read it).</extracomment>
        <translation>; </translation>
    </message>
    <message>
        <source>名单所列回避单位：{units}</source>
        <translation>Units to avoid (roster): {units}</translation>
    </message>
</context>
<context>
    <name>ExpertsView</name>
    <message>
        <source>专家名单</source>
        <extracomment>The roster&apos;s rows with each expert&apos;s conflicts and load, counted off the GUI thread. Experts who share a name with someone a dossier names, and where each check stands. Something happened worth a status-bar line. The experts were (re)read; carries how many there are. A roster import finished (the RosterImportOutcome). An assignment was stored (the AssignmentSummary). Assigning or another action was refused; carries the message shown. Review packages were written (the list of IssuedPackage). A same-name match was confirmed, cleared or reopened (the NameCheckOutcome). The workspace&apos;s experts are not read yet: read when the tab is first shown (the matrix of a large cycle costs the worker seconds the platform list should have).</extracomment>
        <translation>Expert roster</translation>
    </message>
    <message>
        <source>专家分配</source>
        <translation>Expert assignment</translation>
    </message>
    <message>
        <source>同名核实</source>
        <translation>Same-name checks</translation>
    </message>
    <message>
        <source>正在读取专家名单和评审分配…</source>
        <translation>Reading the roster and the assignments…</translation>
    </message>
    <message>
        <source>专家名单（{n} 位）</source>
        <comment>one</comment>
        <translation>Roster ({n} expert)</translation>
    </message>
    <message>
        <source>专家名单（{n} 位）</source>
        <comment>other</comment>
        <translation>Roster ({n} experts)</translation>
    </message>
    <message>
        <source>评审分配：工作区中还没有平台材料</source>
        <translation>Assignment: the workspace has no platforms yet</translation>
    </message>
    <message>
        <source>评审分配：共 {n} 份评审，每位专家 {low}–{high} 个平台</source>
        <comment>one</comment>
        <translation>Assignment: {n} review, {low}–{high} platforms per expert</translation>
    </message>
    <message>
        <source>评审分配：共 {n} 份评审，每位专家 {low}–{high} 个平台</source>
        <comment>other</comment>
        <translation>Assignment: {n} reviews, {low}–{high} platforms per expert</translation>
    </message>
    <message>
        <source>评审分配：尚未分配（下表标出各平台须回避的专家）</source>
        <translation>Assignment: not assigned yet (the table marks each platform&apos;s conflicts of interest)</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>{n} 个平台专家不足 {min} 位</source>
        <comment>one</comment>
        <translation>{n} platform has fewer than {min} experts</translation>
    </message>
    <message>
        <source>{n} 个平台专家不足 {min} 位</source>
        <comment>other</comment>
        <translation>{n} platforms have fewer than {min} experts</translation>
    </message>
    <message>
        <source>同名核实：待核实 {open} 项，共 {total} 项</source>
        <translation>Same names: {open} to check of {total}</translation>
    </message>
    <message>
        <source>已确认回避：{pair} 是同一人，分配专家时避开</source>
        <translation>Confirmed: {pair} is the same person, kept off in the assignment</translation>
    </message>
    <message>
        <source>已排除：{pair} 不是同一人</source>
        <translation>Cleared: {pair} is not the same person</translation>
    </message>
    <message>
        <source>已撤销核实：{pair} 重新列为待核实</source>
        <translation>Check undone: {pair} is to check again</translation>
    </message>
    <message>
        <source>（与原核实结果相同）</source>
        <translation> (as before)</translation>
    </message>
    <message>
        <source>；该专家已分配评审此平台，请重新分配专家</source>
        <translation>; the expert is assigned this platform: assign the experts again</translation>
    </message>
    <message>
        <source>；尚有 {n} 项同名待核实</source>
        <translation>; {n} same-name match(es) still to check</translation>
    </message>
    <message>
        <source>选择专家名单</source>
        <translation>Choose the expert roster</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx *.xlsm);;所有文件 (*)</source>
        <translation>Excel workbooks (*.xlsx *.xlsm);;All files (*)</translation>
    </message>
    <message>
        <source>替换专家名单</source>
        <translation>Replace the roster</translation>
    </message>
    <message>
        <source>本考核周期已有专家名单（{n} 位专家）。用 {file} 替换它吗？

同名专家的本人声明保留；原有的评审分配将被清除，须重新分配。替换前会先备份工作区，并记入审计日志。</source>
        <comment>one</comment>
        <translation>This cycle already has a roster ({n} expert). Replace it with {file}?

Declared conflicts of experts of the same name are kept; the assignment is cleared and must be made again. The workspace is backed up first, and the change is audited.</translation>
    </message>
    <message>
        <source>本考核周期已有专家名单（{n} 位专家）。用 {file} 替换它吗？

同名专家的本人声明保留；原有的评审分配将被清除，须重新分配。替换前会先备份工作区，并记入审计日志。</source>
        <comment>other</comment>
        <translation>This cycle already has a roster ({n} experts). Replace it with {file}?

Declared conflicts of experts of the same name are kept; the assignment is cleared and must be made again. The workspace is backed up first, and the change is audited.</translation>
    </message>
    <message>
        <source>正在导入专家名单 {name}…</source>
        <translation>Importing the roster {name}…</translation>
    </message>
    <message>
        <source>专家名单模板.xlsx</source>
        <translation>expert-roster-template.xlsx</translation>
    </message>
    <message>
        <source>保存专家名单模板</source>
        <translation>Save the roster template</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>已保存专家名单模板：{path}</source>
        <translation>Roster template saved: {path}</translation>
    </message>
    <message>
        <source>正在分配专家…</source>
        <translation>Assigning experts…</translation>
    </message>
    <message>
        <source>已分配专家：共 {n} 份评审，每位专家 {low}–{high} 个平台</source>
        <comment>one</comment>
        <translation>Experts assigned: {n} review, {low}–{high} platforms per expert</translation>
    </message>
    <message>
        <source>已分配专家：共 {n} 份评审，每位专家 {low}–{high} 个平台</source>
        <comment>other</comment>
        <translation>Experts assigned: {n} reviews, {low}–{high} platforms per expert</translation>
    </message>
    <message>
        <source>（与原分配相同）</source>
        <translation> (unchanged)</translation>
    </message>
    <message>
        <source>未能分配专家</source>
        <translation>Experts not assigned</translation>
    </message>
    <message>
        <source>选择存放评审包的文件夹</source>
        <translation>Choose a folder for the review packages</translation>
    </message>
    <message>
        <source>已发放 {n} 份评审包</source>
        <comment>one</comment>
        <translation>{n} review package issued</translation>
    </message>
    <message>
        <source>已发放 {n} 份评审包</source>
        <comment>other</comment>
        <translation>{n} review packages issued</translation>
    </message>
    <message>
        <source>导入专家名单 Excel 文件（姓名、工作单位、职称、专业领域、联系方式、回避单位）</source>
        <translation>Import the expert roster workbook (name, institution, title, field, contact, units to avoid)</translation>
    </message>
    <message>
        <source>导入专家名单(&amp;R)…</source>
        <translation>Import &amp;roster…</translation>
    </message>
    <message>
        <source>保存空白的专家名单 Excel 模板</source>
        <translation>Save the blank roster workbook</translation>
    </message>
    <message>
        <source>下载专家名单模板(&amp;T)…</source>
        <translation>Roster &amp;template…</translation>
    </message>
    <message>
        <source>分配方式：</source>
        <translation>Assign:</translation>
    </message>
    <message>
        <source>每位专家评审所有与其无回避关系的平台</source>
        <translation>Every expert scores every platform they have no conflict with</translation>
    </message>
    <message>
        <source>全部无回避专家(&amp;A)</source>
        <translation>&amp;All conflict-free</translation>
    </message>
    <message>
        <source>每个平台分配固定人数的专家，尽量均衡各专家的工作量</source>
        <translation>A fixed number of experts per platform, with the load balanced</translation>
    </message>
    <message>
        <source>每个平台(&amp;N)</source>
        <translation>Per platform (&amp;N)</translation>
    </message>
    <message>
        <source> 位</source>
        <translation> experts</translation>
    </message>
    <message>
        <source>按所选方式分配专家，替换原有分配</source>
        <translation>Assign experts this way, replacing the current assignment</translation>
    </message>
    <message>
        <source>分配专家(&amp;S)</source>
        <translation>A&amp;ssign</translation>
    </message>
    <message>
        <source>为每位已分配的专家生成评审包（.jlreview）和纸质评分表</source>
        <translation>Write a review package (.jlreview) and a paper score sheet for every assigned expert</translation>
    </message>
    <message>
        <source>发放评审包(&amp;P)…</source>
        <translation>Issue &amp;packages…</translation>
    </message>
    <message>
        <source>还没有专家名单</source>
        <translation>No expert roster yet</translation>
    </message>
    <message>
        <source>导入专家名单后，这里列出专家、与各平台的回避关系和评审分配。名单为 Excel 文件：姓名、工作单位、职称、专业领域、联系方式、回避单位；可先下载模板填写。</source>
        <translation>Once the roster is imported, this tab lists the experts, their conflicts of interest with each platform and the assignment. The roster is an Excel workbook: name, institution, title, field, contact, units to avoid; download the template to fill in.</translation>
    </message>
    <message>
        <source>平台材料或专家名单在分配后有变化，回避关系需要更新：重新分配专家时会自动更新。</source>
        <translation>Dossiers or the roster changed after the assignment; the conflicts need updating, which assigning again does.</translation>
    </message>
    <message>
        <source>● 已分配&#x3000;&#x3000;⊘ 须回避（指向单元格查看理由）&#x3000;&#x3000;红色：专家不足，无法形成有效结果</source>
        <translation>● assigned    ⊘ conflict of interest (point at the cell for the reason)    red: too few experts for a valid result</translation>
    </message>
    <message>
        <source>这些专家与平台材料中的平台负责人、联系人或人员同名，可能是同一人。核实后：是同一人点「确认回避」，分配专家时避开该平台；不是同一人点「排除」。平台材料更新后同名情况有变化的，会重新列为待核实。</source>
        <translation>These experts share a name with a platform&apos;s director, contact person or staff member and may be the same person. Once checked: if so, choose &quot;Confirm conflict&quot; and the assignment keeps the expert off that platform; if not, choose &quot;Clear&quot;. When a new dossier changes where the name appears, the match is listed to check again.</translation>
    </message>
    <message>
        <source>备注(&amp;M)：</source>
        <translation>&amp;Memo:</translation>
    </message>
    <message>
        <source>可选：如何核实的，例如“电话联系依托单位确认”</source>
        <translation>Optional: how it was checked, e.g. &quot;confirmed by phone with the host unit&quot;</translation>
    </message>
    <message>
        <source>是同一人：记为回避关系（同名核实回避），分配专家时避开该平台</source>
        <translation>The same person: record a conflict of interest (same name, confirmed) so the assignment keeps the expert off this platform</translation>
    </message>
    <message>
        <source>确认回避(&amp;C)</source>
        <translation>&amp;Confirm conflict</translation>
    </message>
    <message>
        <source>不是同一人：不再列为待核实（平台材料中的同名情况变化后会重新列出）</source>
        <translation>Not the same person: no longer to check (listed again if the dossier changes where the name appears)</translation>
    </message>
    <message>
        <source>排除(&amp;X)</source>
        <translation>C&amp;lear: not the same person</translation>
    </message>
    <message>
        <source>撤销所选的核实结果，重新列为待核实</source>
        <translation>Undo the chosen check: to check again</translation>
    </message>
    <message>
        <source>撤销核实(&amp;U)</source>
        <translation>&amp;Undo check</translation>
    </message>
</context>
<context>
    <name>FileDialog</name>
    <message>
        <source>文件夹</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>{kind} 文件</source>
        <translation>{kind} File</translation>
    </message>
    <message>
        <source>查找范围：</source>
        <translation>Look in:</translation>
    </message>
    <message>
        <source>文件类型：</source>
        <translation>Files of type:</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV 表格 (*.csv)</source>
        <translation>CSV table (*.csv)</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>处理建议</source>
        <translation>How to fix</translation>
    </message>
    <message>
        <source>整个文件</source>
        <translation>Whole file</translation>
    </message>
    <message>
        <source>{n}. 【{where}】{message}
   处理建议：{fix}</source>
        <translation>{n}. [{where}] {message}
   How to fix: {fix}</translation>
    </message>
</context>
<context>
    <name>GradeChart</name>
    <message>
        <source>还没有结果</source>
        <extracomment>(grade value or None, label, count)</extracomment>
        <translation>No results yet</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>入门：十分钟演示</source>
        <extracomment>Chinese characters and full-width punctuation: a soft line break between two of them is no space (Markdown would show one, &quot;评审 包&quot;), so such lines are joined before rendering. A line that starts a block of its own (list item, table row, heading, quote, fence, rule). A line whose next line is never its continuation: a table row, a heading, a fence.</extracomment>
        <translation>Start: ten minutes with the demo</translation>
    </message>
    <message>
        <source>部门工作人员</source>
        <translation>Department staff</translation>
    </message>
    <message>
        <source>评审专家</source>
        <translation>Expert reviewers</translation>
    </message>
    <message>
        <source>专家组秘书</source>
        <translation>Panel secretary</translation>
    </message>
    <message>
        <source>常见问题</source>
        <translation>FAQ</translation>
    </message>
    <message>
        <source>jlpanel 用户指南</source>
        <translation>jlpanel user guide</translation>
    </message>
    <message>
        <source>后退</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>前进</source>
        <translation>Forward</translation>
    </message>
    <message>
        <source>目录</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>没有找到用户指南：本程序安装时未包含 docs/guide 文件夹。请向提供本程序的部门索取用户指南，或重新安装完整版本。</source>
        <translation>The user guide was not found: this installation does not include the docs/guide folder. Ask the department that provided the program for the guide, or reinstall the complete version.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>已导入</source>
        <extracomment>Each status: its icon (a distinct shape, so it reads in greyscale) and text colour. The outcome of a row (tests and actions read it).</extracomment>
        <translation>Imported</translation>
    </message>
    <message>
        <source>已替换</source>
        <translation>Replaced</translation>
    </message>
    <message>
        <source>未导入（有错误）</source>
        <translation>Not imported (errors)</translation>
    </message>
    <message>
        <source>已存在</source>
        <translation>Already imported</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>已导入 {done} 个，未导入 {not_done} 个</source>
        <translation>{done} imported, {not_done} not imported</translation>
    </message>
    <message>
        <source>（未能识别平台）</source>
        <translation>(platform not recognised)</translation>
    </message>
    <message>
        <source>{name}（备案编号 {no}）</source>
        <translation>{name} (filing no. {no})</translation>
    </message>
    <message>
        <source>文件：{file}</source>
        <translation>File: {file}</translation>
    </message>
    <message>
        <source>平台：{platform}</source>
        <translation>Platform: {platform}</translation>
    </message>
    <message>
        <source>结果：{status}</source>
        <translation>Result: {status}</translation>
    </message>
    <message>
        <source>问题清单（共 {n} 条）：</source>
        <comment>one</comment>
        <translation>Problems ({n}):</translation>
    </message>
    <message>
        <source>问题清单（共 {n} 条）：</source>
        <comment>other</comment>
        <translation>Problems ({n}):</translation>
    </message>
    <message>
        <source>没有发现问题。</source>
        <translation>No problems found.</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>错误</source>
        <translation>Errors</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>导入前会先把工作区备份到：{folder}</source>
        <extracomment>One import run finished; carries its outcomes (a list of ImportOutcome). The user wants to see this platform&apos;s dossier. The user wants to see where a finding is: (platform id, Finding) of an imported file. Importing failed as a whole (the message shown).</extracomment>
        <translation>Before importing, the workspace is backed up to: {folder}</translation>
    </message>
    <message>
        <source>选择平台材料</source>
        <translation>Choose dossiers</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx *.xlsm);;所有文件 (*)</source>
        <translation>Excel workbooks (*.xlsx *.xlsm);;All files (*)</translation>
    </message>
    <message>
        <source>选择存放平台材料的文件夹</source>
        <translation>Choose the folder that holds the dossiers</translation>
    </message>
    <message>
        <source>导入平台材料</source>
        <translation>Import Dossiers</translation>
    </message>
    <message>
        <source>文件夹中没有 Excel 文件：
{folder}</source>
        <translation>There is no Excel file in the folder:
{folder}</translation>
    </message>
    <message>
        <source>正在替换导入…</source>
        <translation>Replacing…</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>正在备份工作区…</source>
        <translation>Backing up the workspace…</translation>
    </message>
    <message>
        <source>{file} 的问题（{n} 条）</source>
        <comment>one</comment>
        <translation>Problems in {file} ({n})</translation>
    </message>
    <message>
        <source>{file} 的问题（{n} 条）</source>
        <comment>other</comment>
        <translation>Problems in {file} ({n})</translation>
    </message>
    <message>
        <source>{file} 未导入：导入已取消</source>
        <translation>{file} was not imported: the import was cancelled</translation>
    </message>
    <message>
        <source>{file} 没有发现问题</source>
        <translation>No problems found in {file}</translation>
    </message>
    <message>
        <source>所选 {files} 个文件的问题（{n} 条）</source>
        <comment>one</comment>
        <translation>Problems in the {files} selected files ({n})</translation>
    </message>
    <message>
        <source>所选 {files} 个文件的问题（{n} 条）</source>
        <comment>other</comment>
        <translation>Problems in the {files} selected files ({n})</translation>
    </message>
    <message>
        <source>选择一个文件，查看它的问题</source>
        <translation>Select a file to see its problems</translation>
    </message>
    <message>
        <source>导入结果</source>
        <translation>Import results</translation>
    </message>
    <message>
        <source>替换导入</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>用下列文件替换已导入的同一平台材料？

{files}

原有的材料、附件和校验提示将被替换；替换前会先备份工作区，并记入审计日志。</source>
        <translation>Replace the dossiers already imported for the same platforms with these files?

{files}

The earlier material, attachments and warnings will be replaced. The workspace is backed up first and the change is recorded in the audit log.</translation>
    </message>
    <message>
        <source>已复制问题清单（{n} 个文件）</source>
        <comment>one</comment>
        <translation>Problem list copied ({n} file)</translation>
    </message>
    <message>
        <source>已复制问题清单（{n} 个文件）</source>
        <comment>other</comment>
        <translation>Problem list copied ({n} files)</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>选择依托单位交回的平台材料：每个平台一个 Excel 文件，附件放在与它同名的文件夹或压缩包中。可以一次选择多个文件，或选择一个文件夹导入其中全部 Excel 文件。每个文件要么完整导入，要么不做任何改动。</source>
        <translation>Choose the dossiers the host units returned: one Excel file per platform, with its attachments in a folder or zip of the same name. You can choose several files at once, or a folder to import every Excel file in it. Each file is either imported whole or changes nothing.</translation>
    </message>
    <message>
        <source>待导入的文件(&amp;L)：</source>
        <translation>Files to &amp;import:</translation>
    </message>
    <message>
        <source>选择一个或多个 Excel 文件（.xlsx）</source>
        <translation>Choose one or more Excel files (.xlsx)</translation>
    </message>
    <message>
        <source>添加文件(&amp;A)…</source>
        <translation>&amp;Add Files…</translation>
    </message>
    <message>
        <source>选择一个文件夹，导入其中全部 Excel 文件</source>
        <translation>Choose a folder and import every Excel file in it</translation>
    </message>
    <message>
        <source>添加文件夹(&amp;D)…</source>
        <translation>Add Fol&amp;der…</translation>
    </message>
    <message>
        <source>从列表中移除所选文件（Delete）</source>
        <translation>Remove the selected files from the list (Delete)</translation>
    </message>
    <message>
        <source>移除(&amp;R)</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>已导入过的平台（备案编号相同）用本次的文件替换；不勾选时这些文件不导入，标为“已存在”</source>
        <translation>Platforms imported before (same filing number) are replaced by these files; unticked, such files are not imported and are marked “Already imported”</translation>
    </message>
    <message>
        <source>替换已导入的同一平台材料(&amp;P)</source>
        <translation>Replace dossiers of &amp;platforms already imported</translation>
    </message>
    <message>
        <source>每个文件要么完整导入，要么不做任何改动。取消时，正在导入的文件会完成，其余文件不再导入。</source>
        <translation>Each file is either imported whole or changes nothing. When you cancel, the file being imported is finished and the rest are not imported.</translation>
    </message>
    <message>
        <source>关闭本窗口并查看所选平台的材料</source>
        <translation>Close this window and show the selected platform’s dossier</translation>
    </message>
    <message>
        <source>打开该平台(&amp;O)</source>
        <translation>&amp;Open Platform</translation>
    </message>
    <message>
        <source>用所选文件替换已导入的同一平台材料</source>
        <translation>Replace the dossier already imported for the same platform with the selected file</translation>
    </message>
    <message>
        <source>替换导入(&amp;E)…</source>
        <translation>R&amp;eplace…</translation>
    </message>
    <message>
        <source>把所选文件的问题清单复制到剪贴板，便于发给依托单位修改</source>
        <translation>Copy the selected files’ problem lists to the clipboard, to send to the host units</translation>
    </message>
    <message>
        <source>复制问题清单(&amp;C)</source>
        <translation>&amp;Copy Problem List</translation>
    </message>
    <message>
        <source>打开所选文件所在的文件夹</source>
        <translation>Open the folder that holds the selected file</translation>
    </message>
    <message>
        <source>在文件夹中显示(&amp;S)</source>
        <translation>&amp;Show in Folder</translation>
    </message>
    <message>
        <source>回到文件选择，再导入其他文件</source>
        <translation>Back to choosing files, to import more</translation>
    </message>
    <message>
        <source>继续导入其他文件(&amp;M)…</source>
        <translation>Import &amp;More Files…</translation>
    </message>
    <message>
        <source>开始导入(&amp;I)</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>正在导入的文件完成后停止，其余文件不再导入（Esc）</source>
        <translation>Stop after the file being imported; the rest are not imported (Esc)</translation>
    </message>
    <message>
        <source>取消导入(&amp;X)</source>
        <translation>Cancel Import (&amp;X)</translation>
    </message>
</context>
<context>
    <name>IndicatorPanel</name>
    <message>
        <source>须填写评语（“{level}”档）</source>
        <extracomment>Keys the window handles even while a field has the focus (undo/redo go to the package&apos;s journal, not to the field&apos;s own undo stack). (indicator code, points or None, advance): the expert entered a score. (indicator code, text, advance) (veto code, reason or None to withdraw, advance) (bonus item code, points or None, advance) (text, advance) A message for the status line; True when it says what is wrong. What each score field holds, read when its text changes (not on every look).</extracomment>
        <translation>Comment required (“{level}” band)</translation>
    </message>
    <message>
        <source>评语（选填）</source>
        <translation>Comment (optional)</translation>
    </message>
    <message>
        <source>请写明否决理由，按 Enter 保存</source>
        <translation>Write the reason for the veto; Enter saves it</translation>
    </message>
    <message>
        <source>否决理由（必填）</source>
        <translation>Reason for the veto (required)</translation>
    </message>
    <message>
        <source>勾选后填写否决理由</source>
        <translation>Tick, then give the reason</translation>
    </message>
    <message>
        <source>否决项须写明理由</source>
        <translation>A veto needs a reason</translation>
    </message>
    <message>
        <source>加分</source>
        <translation>Bonus</translation>
    </message>
    <message>
        <source>总分</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>对该平台的总体意见，按 Enter 保存，Shift+Enter 换行</source>
        <translation>Your overall opinion of this platform; Enter saves it, Shift+Enter starts a new line</translation>
    </message>
    <message>
        <source>已评 {scored}/{count} 项 · Alt+{key}</source>
        <translation>{scored}/{count} scored · Alt+{key}</translation>
    </message>
    <message>
        <source>满分 {max} 分</source>
        <translation>Maximum {max} points</translation>
    </message>
    <message>
        <source>0–{max}</source>
        <translation>0–{max}</translation>
    </message>
    <message>
        <source>{code} 得分：0–{max} 分，步长 {step}；输入后按 Enter 保存</source>
        <translation>{code} score: 0–{max} points in steps of {step}; Enter saves it</translation>
    </message>
    <message>
        <source>否决：{name}</source>
        <translation>Veto: {name}</translation>
    </message>
    <message>
        <source>加分项（合计不超过 {cap} 分）</source>
        <translation>Bonus items (at most {cap} points in all)</translation>
    </message>
    <message>
        <source>{code} {name}（最多 {max} 分）</source>
        <translation>{code} {name} (up to {max} points)</translation>
    </message>
    <message>
        <source>总体评价（选填）</source>
        <translation>Overall opinion (optional)</translation>
    </message>
    <message>
        <source>否决·加分</source>
        <translation>Vetoes · bonus</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <source>专家</source>
        <translation>Expert</translation>
    </message>
    <message>
        <source>评审包文件</source>
        <translation>Review package</translation>
    </message>
    <message>
        <source>平台数</source>
        <translation>Platforms</translation>
    </message>
    <message>
        <source>纸质评分表</source>
        <translation>Paper score sheet</translation>
    </message>
    <message>
        <source>另有 {n} 个已分配的平台因须回避未放入</source>
        <comment>one</comment>
        <translation>{n} more assigned platform left out for a conflict of interest</translation>
    </message>
    <message>
        <source>另有 {n} 个已分配的平台因须回避未放入</source>
        <comment>other</comment>
        <translation>{n} more assigned platforms left out for conflicts of interest</translation>
    </message>
    <message>
        <source>评审包清单</source>
        <extracomment>The packages were written; carries the list of IssuedPackage. Issuing was refused or failed; carries the message shown.</extracomment>
        <translation>Review packages</translation>
    </message>
    <message>
        <source>已发放 {n} 份评审包（共 {platforms} 份平台评审）</source>
        <comment>one</comment>
        <translation>{n} review package issued ({platforms} platform reviews)</translation>
    </message>
    <message>
        <source>已发放 {n} 份评审包（共 {platforms} 份平台评审）</source>
        <comment>other</comment>
        <translation>{n} review packages issued ({platforms} platform reviews)</translation>
    </message>
    <message>
        <source>正在生成评审包…</source>
        <translation>Writing the review packages…</translation>
    </message>
    <message>
        <source>文件夹：{folder}</source>
        <translation>Folder: {folder}</translation>
    </message>
    <message>
        <source>发放评审包</source>
        <translation>Issue review packages</translation>
    </message>
    <message>
        <source>每位专家一个评审包，内含分配给他的平台材料；同时生成纸质评分表。发放记录和各评审包的签名密钥保存在工作区中。</source>
        <translation>One review package per expert with the dossiers of the platforms assigned to them, and a paper score sheet. The workspace records what was issued and keeps each package&apos;s signing key.</translation>
    </message>
    <message>
        <source>请把各专家的评审包分别拷贝给本人（如U盘）；评审包只含该专家须评审的平台，不含其他专家的任何信息。</source>
        <translation>Copy each package to its expert (e.g. on a USB stick); a package holds only that expert&apos;s platforms and nothing about any other expert.</translation>
    </message>
    <message>
        <source>打开文件夹(&amp;O)</source>
        <translation>&amp;Open folder</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>文件(&amp;F)</source>
        <extracomment>How long a status-bar line about what just happened stays (ms): long enough to read. A review package (expert mode) rather than a cycle workspace. A workspace is now shown (opened or newly created); carries its path. Opening or creating failed; carries the message shown. The blank dossier template was written to this file. A review package is open in expert mode; carries its ReviewWindow. The backup of a store as opened was taken after it was shown (its path; None: nothing to copy) — or failed, then carrying the message shown. The cycle asked for by the open running now (None: the store&apos;s only one). The last 选择考核周期 dialog (tests drive it). What the open running now opens: a file, or a server&apos;s address. The last 连接服务器 dialog (tests drive it). One thread for the backup taken on open, so it never holds up the pages&apos; reads. Show this window again when the last review window closes (it was hidden for it).</extracomment>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>新建工作区(&amp;N)…</source>
        <translation>&amp;New Workspace…</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>新建考核周期工作区 (Ctrl+N)</source>
        <translation>Create a workspace for an evaluation cycle (Ctrl+N)</translation>
    </message>
    <message>
        <source>打开(&amp;O)…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>打开工作区文件 (Ctrl+O)</source>
        <translation>Open a workspace file (Ctrl+O)</translation>
    </message>
    <message>
        <source>连接服务器(&amp;S)…</source>
        <translation>Connect to a &amp;server…</translation>
    </message>
    <message>
        <source>打开部门 PostgreSQL 服务器上的考核存储 (Ctrl+Shift+O)</source>
        <translation>Open the evaluation store on the department&apos;s PostgreSQL server (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>切换考核周期(&amp;Y)…</source>
        <translation>S&amp;witch Cycle…</translation>
    </message>
    <message>
        <source>打开同一存储中的另一个考核周期 (Ctrl+Shift+Y)</source>
        <translation>Open another cycle of the same store (Ctrl+Shift+Y)</translation>
    </message>
    <message>
        <source>打开演示考核周期(&amp;D)…</source>
        <translation>Open the &amp;Demo Cycle…</translation>
    </message>
    <message>
        <source>一个完整的虚构考核周期，第一次打开时先生成它</source>
        <translation>A complete fictional assessment cycle, built the first time it is opened</translation>
    </message>
    <message>
        <source>关闭工作区(&amp;C)</source>
        <translation>&amp;Close Workspace</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>关闭当前工作区 (Ctrl+W)</source>
        <translation>Close the current workspace (Ctrl+W)</translation>
    </message>
    <message>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>平台(&amp;P)</source>
        <translation>&amp;Platforms</translation>
    </message>
    <message>
        <source>导入平台材料(&amp;I)…</source>
        <translation>&amp;Import Dossiers…</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>导入依托单位交回的平台材料 (Ctrl+I)</source>
        <translation>Import the dossiers returned by the host units (Ctrl+I)</translation>
    </message>
    <message>
        <source>下载材料模板(&amp;T)…</source>
        <translation>Save Dossier &amp;Template…</translation>
    </message>
    <message>
        <source>保存空白的平台材料 Excel 模板 (Ctrl+Shift+T)</source>
        <translation>Save the blank dossier workbook (Ctrl+Shift+T)</translation>
    </message>
    <message>
        <source>平台列表(&amp;L)</source>
        <translation>Platform &amp;list</translation>
    </message>
    <message>
        <source>查找平台(&amp;F)…</source>
        <translation>&amp;Find Platform…</translation>
    </message>
    <message>
        <source>专家(&amp;E)</source>
        <translation>&amp;Experts</translation>
    </message>
    <message>
        <source>专家与分配(&amp;E)</source>
        <translation>&amp;Experts and assignment</translation>
    </message>
    <message>
        <source>导入专家名单(&amp;R)…</source>
        <translation>Import &amp;roster…</translation>
    </message>
    <message>
        <source>下载专家名单模板(&amp;T)…</source>
        <translation>Roster &amp;template…</translation>
    </message>
    <message>
        <source>分配专家(&amp;S)</source>
        <translation>A&amp;ssign experts</translation>
    </message>
    <message>
        <source>发放评审包(&amp;P)…</source>
        <translation>Issue review &amp;packages…</translation>
    </message>
    <message>
        <source>合并评分文件(&amp;M)…</source>
        <translation>&amp;Merge score files…</translation>
    </message>
    <message>
        <source>合并评分</source>
        <translation>Merge scores</translation>
    </message>
    <message>
        <source>合并专家提交的评分文件 (Ctrl+M)</source>
        <translation>Merge the experts&apos; score files (Ctrl+M)</translation>
    </message>
    <message>
        <source>录入纸质评分表(&amp;P)…</source>
        <translation>Enter a &amp;paper score sheet…</translation>
    </message>
    <message>
        <source>按专家交回的纸质评分表录入评分 (Ctrl+Shift+P)</source>
        <translation>Type in the scores of a paper sheet an expert handed back (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>审计日志(&amp;L)…</source>
        <translation>Audit &amp;log…</translation>
    </message>
    <message>
        <source>查看谁在何时做了哪些改动 (Ctrl+Shift+L)</source>
        <translation>See who changed what, and when (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>平台名录(&amp;G)…</source>
        <translation>Platform &amp;register…</translation>
    </message>
    <message>
        <source>各平台跨周期的状态、整改跟进与状态历史 (Ctrl+Shift+G)</source>
        <translation>Each platform&apos;s status across cycles, rectification follow-up and status history (Ctrl+Shift+G)</translation>
    </message>
    <message>
        <source>评分汇总(&amp;S)</source>
        <translation>&amp;Score summary</translation>
    </message>
    <message>
        <source>讨论与共识(&amp;D)</source>
        <translation>&amp;Discussion and consensus</translation>
    </message>
    <message>
        <source>考核结果(&amp;R)</source>
        <translation>&amp;Results</translation>
    </message>
    <message>
        <source>导入历史结果(&amp;H)…</source>
        <translation>Import &amp;history…</translation>
    </message>
    <message>
        <source>评分细则(&amp;C)</source>
        <translation>Scoring &amp;criteria</translation>
    </message>
    <message>
        <source>考核规则(&amp;U)</source>
        <translation>Assessment r&amp;ules</translation>
    </message>
    <message>
        <source>生成评审报告(&amp;G)…</source>
        <translation>&amp;Generate reports…</translation>
    </message>
    <message>
        <source>报告</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>生成评价报告、汇总表等 PDF 文件 (Ctrl+P)</source>
        <translation>Write the evaluation reports, the summary and the other PDFs (Ctrl+P)</translation>
    </message>
    <message>
        <source>导出结果(&amp;E)…</source>
        <translation>&amp;Export results…</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>把考核结果导出为 Excel 工作簿或 CSV 表格 (Ctrl+E)</source>
        <translation>Export the results as an Excel workbook or a CSV table (Ctrl+E)</translation>
    </message>
    <message>
        <source>最近打开(&amp;R)</source>
        <translation>Open &amp;Recent</translation>
    </message>
    <message>
        <source>清除列表</source>
        <translation>Clear List</translation>
    </message>
    <message>
        <source>语言 / Language(&amp;L)</source>
        <translation>&amp;Language / 语言</translation>
    </message>
    <message>
        <source>键盘快捷键(&amp;K)</source>
        <translation>&amp;Keyboard Shortcuts</translation>
    </message>
    <message>
        <source>用户指南(&amp;G)</source>
        <translation>User &amp;guide</translation>
    </message>
    <message>
        <source>（只读）</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <source>正在生成演示考核周期…</source>
        <translation>Building the demo assessment cycle…</translation>
    </message>
    <message>
        <source>已取消生成演示考核周期，未留下任何文件</source>
        <translation>Building the demo cycle was cancelled; no files were left behind</translation>
    </message>
    <message>
        <source>未能生成演示考核周期</source>
        <translation>Could not build the demo assessment cycle</translation>
    </message>
    <message>
        <source>已以只读方式打开 {name}（{path}），不能修改</source>
        <translation>Opened {name} ({path}) read-only; it cannot be changed</translation>
    </message>
    <message>
        <source>已打开演示考核周期。专家交回的评分文件在 {folder}，用 评审 → 合并评分文件 (Ctrl+M) 合并。</source>
        <translation>Demo cycle opened. The experts&apos; score files are in {folder}; merge them with Review → Merge Score Files (Ctrl+M).</translation>
    </message>
    <message>
        <source>未能写入打开时的备份</source>
        <translation>The backup taken on opening could not be written</translation>
    </message>
    <message>
        <source>{name} 中有 {n} 个考核周期</source>
        <translation>{name} holds {n} cycles</translation>
    </message>
    <message>
        <source>（结果已确定）</source>
        <translation> (results confirmed)</translation>
    </message>
    <message>
        <source>选择考核周期</source>
        <translation>Choose a cycle</translation>
    </message>
    <message>
        <source>{path}
中有 {n} 个考核周期，打开哪一个？</source>
        <translation>{path}
holds {n} cycles. Which one do you want to open?</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{name} 正由另一个 jlpanel 打开</source>
        <translation>{name} is open in another jlpanel</translation>
    </message>
    <message>
        <source>另一个 jlpanel</source>
        <translation>another jlpanel</translation>
    </message>
    <message>
        <source>另一个 jlpanel（{user}@{host}，进程 {pid}，{since} 起）</source>
        <translation>another jlpanel ({user}@{host}, pid {pid}, since {since})</translation>
    </message>
    <message>
        <source>工作区正由{who}打开修改：
{path}

以只读方式打开它吗？只读时可以查看和导出，不能修改。</source>
        <translation>The workspace is being changed by {who}:
{path}

Open it read-only? Read-only, you can look at it and export, but not change it.</translation>
    </message>
    <message>
        <source>工作区已在别处打开</source>
        <translation>Workspace open elsewhere</translation>
    </message>
    <message>
        <source>正在以只读方式打开 {name}…</source>
        <translation>Opening {name} read-only…</translation>
    </message>
    <message>
        <source>{name} 已损坏，未打开</source>
        <translation>{name} is damaged and was not opened</translation>
    </message>
    <message>
        <source>工作区文件已损坏（完整性检查未通过）。为保护数据，没有打开它，也没有作任何改动：
{path}

最新的可用备份（{time}，{kind}，已校验）：
{backup}

用这份备份恢复工作区吗？恢复前会把损坏的文件另存一份，放在它旁边。</source>
        <translation>The workspace file is damaged (it failed the integrity check). To protect the data it was not opened and nothing was changed:
{path}

The newest good backup ({time}, {kind}, verified):
{backup}

Restore the workspace from this backup? The damaged file is first kept as a copy beside it.</translation>
    </message>
    <message>
        <source>工作区已损坏</source>
        <translation>Damaged Workspace</translation>
    </message>
    <message>
        <source>正在用备份恢复 {name}…</source>
        <translation>Restoring {name} from its backup…</translation>
    </message>
    <message>
        <source>已用备份恢复工作区：
{path}</source>
        <translation>The workspace was restored from its backup:
{path}</translation>
    </message>
    <message>
        <source>损坏的文件已另存为：
{copy}</source>
        <translation>The damaged file is kept as:
{copy}</translation>
    </message>
    <message>
        <source>已用备份恢复 {name}</source>
        <translation>{name} restored from its backup</translation>
    </message>
    <message>
        <source>恢复工作区</source>
        <translation>Restore Workspace</translation>
    </message>
    <message>
        <source>设置已保存</source>
        <translation>Settings saved</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>吉林省科技资源共享服务平台考核评价</source>
        <translation>Evaluation of the Jilin Provincial S&amp;T Resource Sharing Service Platforms</translation>
    </message>
    <message>
        <source>打开工作区或评审包</source>
        <translation>Open a workspace or review package</translation>
    </message>
    <message>
        <source>jlpanel 文件 (*.jlpanel *.jlreview);;考核周期工作区 (*.jlpanel);;专家评审包 (*.jlreview);;所有文件 (*)</source>
        <translation>jlpanel files (*.jlpanel *.jlreview);;Cycle workspaces (*.jlpanel);;Review packages (*.jlreview);;All files (*)</translation>
    </message>
    <message>
        <source>打开工作区</source>
        <translation>Open Workspace</translation>
    </message>
    <message>
        <source>找不到文件：
{path}</source>
        <translation>File not found:
{path}</translation>
    </message>
    <message>
        <source>评审(&amp;R)</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <source>关于 jlpanel(&amp;A)…</source>
        <translation>&amp;About jlpanel…</translation>
    </message>
    <message>
        <source>设置(&amp;P)…</source>
        <translation>&amp;Preferences…</translation>
    </message>
    <message>
        <source>已将它从最近打开列表中移除。</source>
        <translation>It has been removed from the recent files list.</translation>
    </message>
    <message>
        <source>找不到 {name}</source>
        <translation>{name} not found</translation>
    </message>
    <message>
        <source>正在打开 {name}…</source>
        <translation>Opening {name}…</translation>
    </message>
    <message>
        <source>打开评审包</source>
        <translation>Open a review package</translation>
    </message>
    <message>
        <source>专家评审包 (*.jlreview);;所有文件 (*)</source>
        <translation>Review packages (*.jlreview);;All files (*)</translation>
    </message>
    <message>
        <source>正在打开评审包 {name}…</source>
        <translation>Opening the review package {name}…</translation>
    </message>
    <message>
        <source>已打开评审包 {name}</source>
        <translation>Opened the review package {name}</translation>
    </message>
    <message>
        <source>未能打开评审包</source>
        <translation>Could not open the review package</translation>
    </message>
    <message>
        <source>正在新建 {name}…</source>
        <translation>Creating {name}…</translation>
    </message>
    <message>
        <source>已新建 {name}（{path}）</source>
        <translation>Created {name} ({path})</translation>
    </message>
    <message>
        <source>已打开 {name}（{path}）</source>
        <translation>Opened {name} ({path})</translation>
    </message>
    <message>
        <source>操作失败：{name}</source>
        <translation>Failed: {name}</translation>
    </message>
    <message>
        <source>未能新建 {name}</source>
        <translation>Could not create {name}</translation>
    </message>
    <message>
        <source>未能打开 {name}</source>
        <translation>Could not open {name}</translation>
    </message>
    <message>
        <source>平台材料模板.xlsx</source>
        <translation>dossier-template.xlsx</translation>
    </message>
    <message>
        <source>保存平台材料模板</source>
        <translation>Save Dossier Template</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>正在保存材料模板…</source>
        <translation>Saving the dossier template…</translation>
    </message>
    <message>
        <source>已保存材料模板：{path}</source>
        <translation>Dossier template saved: {path}</translation>
    </message>
    <message>
        <source>未能保存材料模板</source>
        <translation>The dossier template was not saved</translation>
    </message>
    <message>
        <source>无法写入文件：
{error}</source>
        <translation>Cannot write the file:
{error}</translation>
    </message>
    <message>
        <source>正在查看 {name} 的材料</source>
        <translation>Viewing the dossier of {name}</translation>
    </message>
    <message>
        <source>已关闭 {name}</source>
        <translation>Closed {name}</translation>
    </message>
    <message>
        <source>界面语言：中文</source>
        <translation>Interface language: English</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>已合并</source>
        <translation>Merged</translation>
    </message>
    <message>
        <source>被拒绝</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>专家</source>
        <translation>Expert</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>平台数</source>
        <translation>Platforms</translation>
    </message>
    <message>
        <source>错误</source>
        <translation>Errors</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>合并结果</source>
        <extracomment>One merge finished; carries its outcomes.</extracomment>
        <translation>Merge results</translation>
    </message>
    <message>
        <source>合并评分文件</source>
        <translation>Merge score files</translation>
    </message>
    <message>
        <source>把专家提交的评分文件（.jlscore）或存放它们的文件夹拖到下面，或点“添加文件”。每个文件都会核对签名、版本、考核周期和分值，不合格的文件会被拒绝并说明原因。</source>
        <translation>Drop the experts&apos; score files (.jlscore), or the folder holding them, below, or click “Add files”. Every file is checked — signature, revision, cycle and scores — and a file that fails is refused with its reasons.</translation>
    </message>
    <message>
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>添加文件夹…</source>
        <translation>Add folder…</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>开始合并</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>合并更多文件…</source>
        <translation>Merge more files…</translation>
    </message>
    <message>
        <source>复制结果</source>
        <translation>Copy results</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>合并前会先把工作区备份到：{folder}</source>
        <translation>The workspace is backed up before merging, to: {folder}</translation>
    </message>
    <message>
        <source>选择评分文件</source>
        <translation>Choose score files</translation>
    </message>
    <message>
        <source>评分文件 (*.jlscore);;所有文件 (*)</source>
        <translation>Score files (*.jlscore);;All files (*)</translation>
    </message>
    <message>
        <source>选择存放评分文件的文件夹</source>
        <translation>Choose the folder holding the score files</translation>
    </message>
    <message>
        <source>正在合并…</source>
        <translation>Merging…</translation>
    </message>
    <message>
        <source>{file}：{result}，没有需要处理的问题</source>
        <translation>{file}: {result}; nothing to deal with</translation>
    </message>
    <message>
        <source>正在核对评分文件…</source>
        <translation>Checking the score files…</translation>
    </message>
    <message>
        <source>已被第 {n} 版取代</source>
        <extracomment>Each state: its icon (a distinct shape) and colour. Findings that only explain a harmless result: the same file merged before (无变化), and a revision older than the one merged (已被第 N 版取代). Neither is a problem to deal with.</extracomment>
        <translation>Replaced by revision {n}</translation>
    </message>
    <message>
        <source>无变化</source>
        <translation>No change</translation>
    </message>
    <message>
        <source>已合并 {n} 个</source>
        <translation>Merged {n}</translation>
    </message>
    <message>
        <source>已被取代 {n} 个</source>
        <translation>replaced {n}</translation>
    </message>
    <message>
        <source>无变化 {n} 个</source>
        <translation>unchanged {n}</translation>
    </message>
    <message>
        <source>未合并 {n} 个</source>
        <translation>not merged {n}</translation>
    </message>
    <message>
        <source>{n} 个文件有问题</source>
        <comment>one</comment>
        <translation>{n} file has problems</translation>
    </message>
    <message>
        <source>{n} 个文件有问题</source>
        <comment>other</comment>
        <translation>{n} files have problems</translation>
    </message>
    <message>
        <source>没有需要处理的问题</source>
        <translation>no problems to deal with</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>{file} 的问题（{n} 条）</source>
        <comment>one</comment>
        <translation>Problems in {file} ({n})</translation>
    </message>
    <message>
        <source>{file} 的问题（{n} 条）</source>
        <comment>other</comment>
        <translation>Problems in {file} ({n})</translation>
    </message>
    <message>
        <source>选择一个文件，查看它的问题</source>
        <translation>Choose a file to see its problems</translation>
    </message>
</context>
<context>
    <name>MetricsModel</name>
    <message>
        <source>资源</source>
        <extracomment>The metric groups in catalogue order: the key that starts each group, and its name.</extracomment>
        <translation>Resources</translation>
    </message>
    <message>
        <source>服务</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>成效</source>
        <translation>Outcomes</translation>
    </message>
    <message>
        <source>管理</source>
        <translation>Management</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>指标</source>
        <extracomment>The metrics table&apos;s headers, in column order.</extracomment>
        <translation>Metric</translation>
    </message>
    <message>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>相关评分指标</source>
        <translation>Rubric indicators</translation>
    </message>
</context>
<context>
    <name>NameChecks</name>
    <message>
        <source>待核实（材料有变化）</source>
        <extracomment>A same-name check&apos;s status → icon (a distinct shape, readable in greyscale) and colour.</extracomment>
        <translation>To check (dossier changed)</translation>
    </message>
    <message>
        <source>待核实</source>
        <translation>To check</translation>
    </message>
    <message>
        <source>已确认回避</source>
        <translation>Confirmed: same person</translation>
    </message>
    <message>
        <source>已排除</source>
        <translation>Cleared: not the same person</translation>
    </message>
    <message>
        <source>{who} 曾于 {day} 排除，此后平台材料有变化</source>
        <translation>Cleared by {who} on {day}; the dossier has changed since</translation>
    </message>
    <message>
        <source>{who}，{day}</source>
        <translation>{who}, {day}</translation>
    </message>
    <message>
        <source>；备注：{note}</source>
        <translation>; note: {note}</translation>
    </message>
    <message>
        <source>（平台材料中已无同名者）</source>
        <translation> (the dossier no longer names anyone of this name)</translation>
    </message>
    <message>
        <source>专家</source>
        <extracomment>The columns of the same-name checks that need room: the finding and the status.</extracomment>
        <translation>Expert</translation>
    </message>
    <message>
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>同名情况</source>
        <translation>Same name</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>核实记录</source>
        <translation>Checked</translation>
    </message>
</context>
<context>
    <name>NewWorkspaceDialog</name>
    <message>
        <source>{year}年度考核评价</source>
        <translation>{year} annual evaluation</translation>
    </message>
    <message>
        <source>请填写考核周期名称。</source>
        <translation>Enter a name for the cycle.</translation>
    </message>
    <message>
        <source>考核期的结束日期早于开始日期。</source>
        <translation>The period ends before it starts.</translation>
    </message>
    <message>
        <source>请选择评分细则文件。</source>
        <translation>Choose a rubric file.</translation>
    </message>
    <message>
        <source>请选择工作区文件的保存位置。</source>
        <translation>Choose where to save the workspace file.</translation>
    </message>
    <message>
        <source>工作区保存为</source>
        <translation>Save Workspace As</translation>
    </message>
    <message>
        <source>jlpanel 工作区 (*.jlpanel)</source>
        <translation>jlpanel workspaces (*.jlpanel)</translation>
    </message>
    <message>
        <source>选择评分细则文件</source>
        <translation>Choose a Rubric File</translation>
    </message>
    <message>
        <source>评分细则 (*.toml *.json)</source>
        <translation>Rubrics (*.toml *.json)</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>新建工作区</source>
        <translation>New Workspace</translation>
    </message>
    <message>
        <source>为一个考核周期新建工作区文件（.jlpanel）。该周期的评分细则和考核规则都保存在这个文件中。</source>
        <translation>Create a workspace file (.jlpanel) for one evaluation cycle. The cycle&apos;s rubric and rules are kept in this file.</translation>
    </message>
    <message>
        <source>考核周期名称(&amp;N)：</source>
        <translation>Cycle &amp;name:</translation>
    </message>
    <message>
        <source>例如：2026年度考核评价</source>
        <translation>e.g. 2026 annual evaluation</translation>
    </message>
    <message>
        <source>考核期(&amp;P)：</source>
        <translation>Evaluation &amp;period:</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>评分细则：</source>
        <translation>Rubric:</translation>
    </message>
    <message>
        <source>内置默认细则(&amp;D)</source>
        <translation>Built-in &amp;default rubric</translation>
    </message>
    <message>
        <source>指定文件(&amp;F)：</source>
        <translation>From a &amp;file:</translation>
    </message>
    <message>
        <source>.toml 或 .json 格式的评分细则</source>
        <translation>A rubric in .toml or .json format</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>报告与导出语言(&amp;L)：</source>
        <translation>Report &amp;language:</translation>
    </message>
    <message>
        <source>评价报告、汇总表等 PDF 和导出的工作簿使用此语言</source>
        <translation>The PDF reports and exported workbooks use this language</translation>
    </message>
    <message>
        <source>保存为(&amp;S)：</source>
        <translation>&amp;Save as:</translation>
    </message>
    <message>
        <source>工作区文件的位置和名称</source>
        <translation>Folder and name of the workspace file</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
</context>
<context>
    <name>PanelDialogs</name>
    <message>
        <source>写明理由（必填）</source>
        <translation>Write the reason (required)</translation>
    </message>
    <message>
        <source>并列排序</source>
        <translation>Order Tied Platforms</translation>
    </message>
    <message>
        <source>这些平台的得分与服务成效分完全相同，且并列影响结果。请按专家组讨论确定的先后排列（排在前面的名次在前），并写明理由；排序及理由记入审计日志。</source>
        <translation>These platforms have exactly the same score and service-outcome score, and the tie matters. Put them in the order the panel agreed (first ranks higher) and write the reason; the order and the reason go into the audit log.</translation>
    </message>
    <message>
        <source>上移(&amp;U)</source>
        <translation>Move &amp;Up</translation>
    </message>
    <message>
        <source>下移(&amp;D)</source>
        <translation>Move &amp;Down</translation>
    </message>
    <message>
        <source>并列(&amp;T)</source>
        <translation>&amp;Tie</translation>
    </message>
    <message>
        <source>先后顺序(&amp;O)</source>
        <translation>&amp;Order</translation>
    </message>
    <message>
        <source>理由(&amp;R)</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>确定并列平台的先后</source>
        <translation>Order the tied platforms</translation>
    </message>
    <message>
        <source>认定或驳回一票否决</source>
        <translation>Rule on a Veto</translation>
    </message>
    <message>
        <source>认定(&amp;C)：否决成立，等级为不合格</source>
        <translation>&amp;Confirm: the veto stands, the grade is 不合格 (fail)</translation>
    </message>
    <message>
        <source>驳回(&amp;D)：否决不成立，按得分评定</source>
        <translation>&amp;Dismiss: the veto does not stand, the score decides the grade</translation>
    </message>
    <message>
        <source>否决项(&amp;V)</source>
        <translation>&amp;Veto</translation>
    </message>
    <message>
        <source>专家意见</source>
        <translation>Experts&apos; claims</translation>
    </message>
    <message>
        <source>专家组认定</source>
        <translation>Panel&apos;s ruling</translation>
    </message>
    <message>
        <source>专家组对该否决的认定优先于专家的主张；认定及理由记入审计日志，并在评价报告中注明。</source>
        <translation>The panel&apos;s ruling overrides the experts&apos; claims; the ruling and its reason go into the audit log and are noted in the evaluation report.</translation>
    </message>
    <message>
        <source>重新打开考核结果</source>
        <translation>Reopen the Results</translation>
    </message>
    <message>
        <source>重新打开已确定的结果</source>
        <translation>Reopen the confirmed results</translation>
    </message>
    <message>
        <source>重新打开后可以修改规则和决定，之后须重新确定结果。已确定的整改期限不变。理由记入审计日志。</source>
        <translation>Once reopened, the rules and decisions can change; the results must then be confirmed again. Deadlines already fixed stay as they are. The reason goes into the audit log.</translation>
    </message>
</context>
<context>
    <name>PaperDialog</name>
    <message>
        <source>录入纸质评分表</source>
        <extracomment>The colour of a problem shown beside its field. The sheet was stored: (expert name, platform name).</extracomment>
        <translation>Enter a paper score sheet</translation>
    </message>
    <message>
        <source>按专家交回的纸质评分表逐项录入。只能选择分配给该专家且无需回避的平台；保存后评分标为“纸质录入”，并记入审计日志。</source>
        <translation>Type in the paper sheet the expert handed back, item by item. Only platforms assigned to the expert without a conflict of interest can be chosen; the saved scores are marked as entered from paper and recorded in the audit log.</translation>
    </message>
    <message>
        <source>替换已录入的纸质评分(&amp;R)</source>
        <translation>&amp;Replace the paper scores entered before</translation>
    </message>
    <message>
        <source>专家在纸质表上声明回避，不评分(&amp;D)</source>
        <translation>The expert &amp;declared a conflict of interest on paper (not scored)</translation>
    </message>
    <message>
        <source>回避理由（必填）</source>
        <translation>Reason for the conflict (required)</translation>
    </message>
    <message>
        <source>专家(&amp;E)：</source>
        <translation>&amp;Expert:</translation>
    </message>
    <message>
        <source>平台(&amp;P)：</source>
        <translation>&amp;Platform:</translation>
    </message>
    <message>
        <source>专家的总体评价意见</source>
        <extracomment>Field code (indicator, veto or bonus item) → the label beside it for its problem.</extracomment>
        <translation>The expert&apos;s overall comment</translation>
    </message>
    <message>
        <source>总体评价(&amp;O)：</source>
        <translation>&amp;Overall comment:</translation>
    </message>
    <message>
        <source>录入人(&amp;W)：</source>
        <translation>Entered &amp;by:</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>保存这张纸质评分表 (Ctrl+S)</source>
        <translation>Save this paper sheet (Ctrl+S)</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{name}（满分 {max}）</source>
        <translation>{name} (out of {max})</translation>
    </message>
    <message>
        <source>满分 {max}，以 {step} 分为单位；“—”表示未评</source>
        <translation>Out of {max}, in steps of {step}; “—” means not scored</translation>
    </message>
    <message>
        <source>/ {max}</source>
        <translation>/ {max}</translation>
    </message>
    <message>
        <source>评语（得分偏低时必填）</source>
        <translation>Comment (required for a low score)</translation>
    </message>
    <message>
        <source>一票否决（认定时勾选并写明理由）</source>
        <translation>Vetoes (tick one the expert found, and give the reason)</translation>
    </message>
    <message>
        <source>否决理由</source>
        <translation>Reason for the veto</translation>
    </message>
    <message>
        <source>加分项（合计不超过 {cap} 分，可不填）</source>
        <translation>Bonus items (at most {cap} in all; may be left blank)</translation>
    </message>
    <message>
        <source>还没有分配给专家的平台：请先分配专家。</source>
        <translation>No platform is assigned to an expert yet: assign the experts first.</translation>
    </message>
    <message>
        <source>该专家已通过评审包提交了这个平台的评分，纸质评分不能覆盖。</source>
        <translation>This expert already submitted scores for this platform from the review package; a paper sheet cannot replace them.</translation>
    </message>
    <message>
        <source>已录入过该专家对这个平台的纸质评分；如需更正，请勾选“替换”。</source>
        <translation>This expert&apos;s paper scores for this platform were entered before; to correct them, tick “Replace”.</translation>
    </message>
    <message>
        <source>请填写录入人</source>
        <translation>Say who entered the sheet</translation>
    </message>
    <message>
        <source>请写明专家声明的回避理由</source>
        <translation>Give the reason the expert declared for the conflict</translation>
    </message>
    <message>
        <source>已记录 {expert} 对“{platform}”的回避声明。</source>
        <translation>Recorded the conflict {expert} declared for “{platform}”.</translation>
    </message>
    <message>
        <source>已保存 {expert} 对“{platform}”的纸质评分。</source>
        <translation>Saved the paper scores of {expert} for “{platform}”.</translation>
    </message>
</context>
<context>
    <name>PlatformListView</name>
    <message>
        <source>全部类型</source>
        <extracomment>Open the dossier of this platform (double-click or Enter).</extracomment>
        <translation>All types</translation>
    </message>
    <message>
        <source>平台列表</source>
        <translation>Platform list</translation>
    </message>
    <message>
        <source>共 {n} 个平台</source>
        <comment>one</comment>
        <translation>{n} platform</translation>
    </message>
    <message>
        <source>共 {n} 个平台</source>
        <comment>other</comment>
        <translation>{n} platforms</translation>
    </message>
    <message>
        <source>显示 {shown} 个，共 {total} 个平台</source>
        <translation>Showing {shown} of {total} platforms</translation>
    </message>
    <message>
        <source>按平台名称、依托单位或备案编号筛选（Ctrl+F）</source>
        <translation>Filter by platform name, host unit or filing number (Ctrl+F)</translation>
    </message>
    <message>
        <source>搜索名称、依托单位或备案编号（Ctrl+F）</source>
        <translation>Search name, host unit or filing no. (Ctrl+F)</translation>
    </message>
    <message>
        <source>提示(&amp;W)：</source>
        <translation>&amp;Warnings:</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>有提示</source>
        <translation>With warnings</translation>
    </message>
    <message>
        <source>无提示</source>
        <translation>Without warnings</translation>
    </message>
    <message>
        <source>资源类型(&amp;T)：</source>
        <translation>Resource &amp;type:</translation>
    </message>
    <message>
        <source>没有符合筛选条件的平台。</source>
        <translation>No platform matches the filters.</translation>
    </message>
    <message>
        <source>本考核周期还没有平台</source>
        <translation>This cycle has no platforms yet</translation>
    </message>
    <message>
        <source>请先下载材料模板发给各依托单位填写，收回后在这里导入。每个平台一个 Excel 文件，附件放在同名文件夹或压缩包中。</source>
        <translation>Save the dossier template and send it to the host units to fill in, then import what they return here: one Excel file per platform, with attachments in a folder or zip of the same name.</translation>
    </message>
    <message>
        <source>选择依托单位交回的材料文件或文件夹（Ctrl+I）</source>
        <translation>Choose the dossier files or folder the host units returned (Ctrl+I)</translation>
    </message>
    <message>
        <source>导入平台材料(&amp;I)…</source>
        <translation>&amp;Import Dossiers…</translation>
    </message>
    <message>
        <source>保存一份空白的平台材料 Excel 模板，发给依托单位填写</source>
        <translation>Save a blank dossier workbook to send to the host units</translation>
    </message>
    <message>
        <source>下载材料模板(&amp;T)…</source>
        <translation>Save Dossier &amp;Template…</translation>
    </message>
</context>
<context>
    <name>PlatformTableModel</name>
    <message>
        <source>备案编号</source>
        <extracomment>The platform id of a row. Background and text of a warning count above zero (with an icon, so it reads in grey). Numeric columns: the metric key and its decimals (a share is shown as a percentage).</extracomment>
        <translation>Filing no.</translation>
    </message>
    <message>
        <source>平台名称</source>
        <translation>Platform name</translation>
    </message>
    <message>
        <source>依托单位</source>
        <translation>Host unit</translation>
    </message>
    <message>
        <source>资源类型</source>
        <translation>Resource type</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>服务次数</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>服务用户数</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>外单位用户占比</source>
        <translation>External users</translation>
    </message>
    <message>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>材料校验提示的条数</source>
        <translation>Number of dossier check warnings</translation>
    </message>
    <message>
        <source>考核期内的服务记录条数</source>
        <translation>Service records in the evaluation period</translation>
    </message>
    <message>
        <source>不同的用户单位数</source>
        <translation>Number of distinct user organisations</translation>
    </message>
    <message>
        <source>外单位用户占全部用户的比例</source>
        <translation>Share of users from outside the host unit</translation>
    </message>
    <message>
        <source>用户满意度均值（1–5 分）</source>
        <translation>Mean user satisfaction (1–5)</translation>
    </message>
    <message>
        <source>{n} 条材料校验提示</source>
        <comment>one</comment>
        <translation>{n} dossier check warning</translation>
    </message>
    <message>
        <source>{n} 条材料校验提示</source>
        <comment>other</comment>
        <translation>{n} dossier check warnings</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <source>备案编号</source>
        <translation>Filing no.</translation>
    </message>
    <message>
        <source>平台名称</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>状态起始</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>最近考核周期</source>
        <translation>Last cycle</translation>
    </message>
    <message>
        <source>最近等级</source>
        <translation>Last grade</translation>
    </message>
    <message>
        <source>整改期限</source>
        <translation>Rectify by</translation>
    </message>
    <message>
        <source>整改跟进</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>已撤回：{reason}</source>
        <translation>Reverted: {reason}</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>考核周期</source>
        <translation>Cycle</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>处理意见</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>状态变化</source>
        <translation>Status change</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <source>撤回</source>
        <translation>Reverted</translation>
    </message>
    <message>
        <source>平台名录</source>
        <translation>Platform register</translation>
    </message>
    <message>
        <source>状态历史</source>
        <translation>Status history</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>整改待跟进</source>
        <translation>Rectification due</translation>
    </message>
    <message>
        <source>整改逾期</source>
        <translation>Rectification overdue</translation>
    </message>
    <message>
        <source>整改待跟进 {due} 个，逾期 {overdue} 个</source>
        <translation>Rectifications due: {due}, overdue: {overdue}</translation>
    </message>
    <message>
        <source>共 {n} 个平台</source>
        <comment>one</comment>
        <translation>{n} platform</translation>
    </message>
    <message>
        <source>共 {n} 个平台</source>
        <comment>other</comment>
        <translation>{n} platforms</translation>
    </message>
    <message>
        <source>{platform} 的状态历史</source>
        <translation>Status history of {platform}</translation>
    </message>
    <message>
        <source>平台名录.xlsx</source>
        <translation>Platform register.xlsx</translation>
    </message>
    <message>
        <source>导出平台名录</source>
        <translation>Export the platform register</translation>
    </message>
    <message>
        <source>已导出 {n} 个平台到 {path}</source>
        <comment>one</comment>
        <translation>Exported {n} platform to {path}</translation>
    </message>
    <message>
        <source>已导出 {n} 个平台到 {path}</source>
        <comment>other</comment>
        <translation>Exported {n} platforms to {path}</translation>
    </message>
    <message>
        <source>状态(&amp;S)：</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>导出(&amp;E)…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>把列出的平台导出为 Excel 工作簿或 CSV 表格</source>
        <translation>Export the platforms listed as an Excel workbook or a CSV table</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>正在导出考核结果…</source>
        <translation>Exporting the results…</translation>
    </message>
    <message>
        <source>评价报告</source>
        <translation>Evaluation reports</translation>
    </message>
    <message>
        <source>汇总表</source>
        <translation>Results summary</translation>
    </message>
    <message>
        <source>专家个人评分表</source>
        <translation>Expert score sheets</translation>
    </message>
    <message>
        <source>专家组签字表</source>
        <translation>Panel signature sheet</translation>
    </message>
    <message>
        <source>公示名单</source>
        <translation>Publication list</translation>
    </message>
    <message>
        <source>整改通知书</source>
        <translation>Rectification notices</translation>
    </message>
    <message>
        <source>每个平台一份：评分统计、等级、专家组意见</source>
        <translation>One per platform: score statistics, grade, panel opinion</translation>
    </message>
    <message>
        <source>排名表和等级分布</source>
        <translation>Ranked table and grade distribution</translation>
    </message>
    <message>
        <source>每位专家一份，附签字栏</source>
        <translation>One per expert, with a signature line</translation>
    </message>
    <message>
        <source>专家组成员签字</source>
        <translation>Signatures of the panel members</translation>
    </message>
    <message>
        <source>对外公示的结果名单</source>
        <translation>The results list for publication</translation>
    </message>
    <message>
        <source>每个不合格平台一份，注明整改期限</source>
        <translation>One per failing platform, with its deadline</translation>
    </message>
    <message>
        <source>评审报告</source>
        <extracomment>The documents, in the order offered; the codes are reporting.DocumentKind&apos;s values.</extracomment>
        <translation>Reports</translation>
    </message>
    <message>
        <source>选择存放评审报告的文件夹</source>
        <extracomment>Writing finished (complete or cancelled); carries the list of files written. Writing failed as a whole; carries the message shown. One line for the main window&apos;s status bar.</extracomment>
        <translation>Choose the folder for the reports</translation>
    </message>
    <message>
        <source>正在汇总考核结果…</source>
        <translation>Gathering the results…</translation>
    </message>
    <message>
        <source>打开文件：{name}</source>
        <translation>Open File opens: {name}</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>未能生成评审报告</source>
        <translation>The reports were not written</translation>
    </message>
    <message>
        <source>已取消；文件夹中原有的评审报告未改动</source>
        <translation>Cancelled; the reports already in the folder are unchanged</translation>
    </message>
    <message>
        <source>已生成 {n} 个文件</source>
        <comment>one</comment>
        <translation>{n} file written</translation>
    </message>
    <message>
        <source>已生成 {n} 个文件</source>
        <comment>other</comment>
        <translation>{n} files written</translation>
    </message>
    <message>
        <source>{summary}：{folder}</source>
        <translation>{summary}: {folder}</translation>
    </message>
    <message>
        <source>生成评审报告</source>
        <translation>Generate reports</translation>
    </message>
    <message>
        <source>正在生成评审报告…</source>
        <translation>Writing the reports…</translation>
    </message>
    <message>
        <source>评审报告已取消</source>
        <translation>Reports cancelled</translation>
    </message>
    <message>
        <source>评审报告已生成</source>
        <translation>Reports written</translation>
    </message>
    <message>
        <source>文档</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>另生成合订本（所选文档合为一个 PDF）</source>
        <translation>Also write a combined file (the chosen documents in one PDF)</translation>
    </message>
    <message>
        <source>报告语言(&amp;L)：</source>
        <translation>Report &amp;language:</translation>
    </message>
    <message>
        <source>所选语言将保存为本周期的报告语言，之后的报告和导出结果 (Ctrl+E) 也使用它。</source>
        <translation>Saved as the cycle&apos;s report language: later reports and the results export (Ctrl+E) follow it.</translation>
    </message>
    <message>
        <source>保存到文件夹：</source>
        <translation>Save to folder:</translation>
    </message>
    <message>
        <source>浏览(&amp;B)…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>文件夹中同名的报告会被替换；每个文件写完整后才出现。</source>
        <translation>Reports of the same name in the folder are replaced; each file appears only once it is complete.</translation>
    </message>
    <message>
        <source>取消后，已写完的文件保留，正在写的文件不会留下半个。</source>
        <translation>If you cancel, the finished files are kept and no half-written file is left.</translation>
    </message>
    <message>
        <source>文件夹：{folder}</source>
        <translation>Folder: {folder}</translation>
    </message>
    <message>
        <source>双击文件或按回车键，用默认程序打开。</source>
        <translation>Double-click a file or press Enter to open it.</translation>
    </message>
    <message>
        <source>打开文件夹(&amp;O)</source>
        <translation>&amp;Open folder</translation>
    </message>
    <message>
        <source>重新选择(&amp;R)</source>
        <translation>&amp;Choose again</translation>
    </message>
    <message>
        <source>生成(&amp;G)</source>
        <translation>&amp;Generate</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{cycle}-考核结果.xlsx</source>
        <translation>{cycle} results.xlsx</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <extracomment>The export ended, written or not (before any message is shown). The results were written to this file. Exporting failed; carries the message shown. One line for the status bar.</extracomment>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV 表格，仅结果汇总 (*.csv)</source>
        <translation>CSV table, results summary only (*.csv)</translation>
    </message>
    <message>
        <source>导出考核结果</source>
        <translation>Export results</translation>
    </message>
    <message>
        <source>已导出考核结果：{path}</source>
        <translation>Results exported to {path}</translation>
    </message>
    <message>
        <source>已导出考核结果</source>
        <translation>The results were exported</translation>
    </message>
    <message>
        <source>未能导出考核结果</source>
        <translation>The results were not exported</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <source>考核结果</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>导入历史结果…</source>
        <translation>Import history…</translation>
    </message>
    <message>
        <source>保存计算结果</source>
        <translation>Save Computed Results</translation>
    </message>
    <message>
        <source>按当前评分和规则计算结果并保存，不确定结果</source>
        <translation>Compute the results from the current scores and rules and save them, without confirming them</translation>
    </message>
    <message>
        <source>并列排序(&amp;T)…</source>
        <translation>Order &amp;Tie…</translation>
    </message>
    <message>
        <source>按专家组讨论确定并列平台的先后（须写明理由）</source>
        <translation>Put tied platforms in the panel&apos;s order (a reason is required)</translation>
    </message>
    <message>
        <source>重新打开(&amp;O)…</source>
        <translation>Re&amp;open…</translation>
    </message>
    <message>
        <source>重新打开已确定的结果，以便修改规则或决定（须写明理由）</source>
        <translation>Reopen the confirmed results to change rules or decisions (a reason is required)</translation>
    </message>
    <message>
        <source>确定结果(&amp;C)</source>
        <translation>&amp;Confirm Results</translation>
    </message>
    <message>
        <source>确定本周期的考核结果：整改期限自确定之日起算。并列尚未排序时不能确定。</source>
        <translation>Confirm the cycle&apos;s results: rectification deadlines run from the day of confirmation. Not possible while a tie awaits the panel&apos;s order.</translation>
    </message>
    <message>
        <source>后补助排序</source>
        <translation>Funding ranking</translation>
    </message>
    <message>
        <source>后补助预算（万元）：</source>
        <translation>Funding budget (10k CNY):</translation>
    </message>
    <message>
        <source>应用</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>限期整改</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <source>取消资格</source>
        <translation>Disqualified</translation>
    </message>
    <message>
        <source>结果未定</source>
        <translation>Not final</translation>
    </message>
    <message>
        <source>历史结果</source>
        <translation>History</translation>
    </message>
    <message>
        <source>专家总分分布</source>
        <translation>Spread of expert totals</translation>
    </message>
    <message>
        <source>条：最低–最高，竖线：中位数，◆：得分；▲ 与斜纹：需讨论</source>
        <translation>Bar: lowest–highest; line: median; ◆: score; ▲ and hatching: to discuss</translation>
    </message>
    <message>
        <source>等级分布</source>
        <translation>Grade distribution</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>数字 + Enter</source>
        <translation>A number + Enter</translation>
    </message>
    <message>
        <source>保存得分并转到下一项</source>
        <translation>save the score and move on</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <source>得分与评语之间移动</source>
        <translation>move between scores and comments</translation>
    </message>
    <message>
        <source>Shift+Enter（评语中）</source>
        <translation>Shift+Enter (in a comment)</translation>
    </message>
    <message>
        <source>评语换行（Enter 保存并转到下一项）</source>
        <translation>A new line in the comment (Enter saves and moves on)</translation>
    </message>
    <message>
        <source>Ctrl+PgDown / Ctrl+PgUp</source>
        <translation>Ctrl+PgDown / Ctrl+PgUp</translation>
    </message>
    <message>
        <source>下一个 / 上一个平台</source>
        <translation>next / previous platform</translation>
    </message>
    <message>
        <source>Alt+1 … Alt+4</source>
        <translation>Alt+1 … Alt+4</translation>
    </message>
    <message>
        <source>转到 A / B / C 分区、否决与加分</source>
        <translation>areas A / B / C, vetoes and bonus</translation>
    </message>
    <message>
        <source>空格（声明页）</source>
        <translation>Space (declarations)</translation>
    </message>
    <message>
        <source>本行在“无利益冲突”和“申请回避”之间切换</source>
        <translation>Switch the row between “No conflict” and “Conflict of interest”</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <source>撤销上一次修改</source>
        <translation>undo the last change</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z / Ctrl+Y</source>
        <translation>Ctrl+Shift+Z / Ctrl+Y</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>redo</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>显示或隐藏评分指引</source>
        <translation>show or hide the guidance</translation>
    </message>
    <message>
        <source>Shift+F1</source>
        <translation>Shift+F1</translation>
    </message>
    <message>
        <source>用户指南</source>
        <translation>user guide</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>提交评分（保存评分文件）</source>
        <translation>submit (save the score file)</translation>
    </message>
    <message>
        <source>Ctrl+1 / Ctrl+2 / Ctrl+3</source>
        <translation>Ctrl+1 / Ctrl+2 / Ctrl+3</translation>
    </message>
    <message>
        <source>声明 / 评分 / 提交</source>
        <translation>declaration / scoring / submit</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <extracomment>The window closed (its package is closed). A score file was written (the SubmittedScoreFile). Submitting was refused or failed; carries the message. The sheet was reopened after a submission. Another package was asked for (File → 打开评审包). The sheet against the last submitted score file. The question 提交 / 稍后提交 / 取消 while it is shown. What to do once the score file asked for from that question is written. 稍后提交 was chosen: close without asking again. The question about declarations not confirmed while it is shown. 放弃修改并关闭 was chosen for them.</extracomment>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>评审(&amp;R)</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>语言 / Language(&amp;L)</source>
        <translation>语言 / &amp;Language</translation>
    </message>
    <message>
        <source>① 回避与保密声明</source>
        <translation>① Declaration</translation>
    </message>
    <message>
        <source>回避与保密声明 (Ctrl+1)</source>
        <translation>Conflicts of interest and confidentiality (Ctrl+1)</translation>
    </message>
    <message>
        <source>② 评分</source>
        <translation>② Scoring</translation>
    </message>
    <message>
        <source>评分 (Ctrl+2)</source>
        <translation>Scoring (Ctrl+2)</translation>
    </message>
    <message>
        <source>③ 提交评分</source>
        <translation>③ Submit</translation>
    </message>
    <message>
        <source>检查并提交评分 (Ctrl+3)</source>
        <translation>Check and submit the scores (Ctrl+3)</translation>
    </message>
    <message>
        <source>提交评分(&amp;S)…</source>
        <translation>&amp;Submit…</translation>
    </message>
    <message>
        <source>撤销(&amp;U)</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>撤销上一次修改 (Ctrl+Z)</source>
        <translation>Undo the last change (Ctrl+Z)</translation>
    </message>
    <message>
        <source>重做(&amp;R)</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>重做 (Ctrl+Shift+Z 或 Ctrl+Y)</source>
        <translation>Redo (Ctrl+Shift+Z or Ctrl+Y)</translation>
    </message>
    <message>
        <source>下一个平台(&amp;N)</source>
        <translation>&amp;Next platform</translation>
    </message>
    <message>
        <source>上一个平台(&amp;P)</source>
        <translation>&amp;Previous platform</translation>
    </message>
    <message>
        <source>评分指引(&amp;G)</source>
        <translation>&amp;Guidance</translation>
    </message>
    <message>
        <source>重新打开修改(&amp;O)</source>
        <translation>Re&amp;open to change</translation>
    </message>
    <message>
        <source>解除锁定以修改评分；修改后须再次提交</source>
        <translation>Unlock the sheet to change scores; submit again afterwards</translation>
    </message>
    <message>
        <source>打开评审包(&amp;O)…</source>
        <translation>&amp;Open a review package…</translation>
    </message>
    <message>
        <source>关闭(&amp;C)</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>键盘操作(&amp;K)</source>
        <translation>&amp;Keyboard</translation>
    </message>
    <message>
        <source>关于 jlpanel(&amp;A)…</source>
        <translation>&amp;About jlpanel…</translation>
    </message>
    <message>
        <source>设置(&amp;P)…</source>
        <translation>&amp;Preferences…</translation>
    </message>
    <message>
        <source>用户指南(&amp;G)</source>
        <translation>User &amp;guide</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>{expert} · {cycle} — jlpanel 专家评审</source>
        <translation>{expert} · {cycle} — jlpanel expert review</translation>
    </message>
    <message>
        <source>回避声明尚未确认</source>
        <translation>Declarations not confirmed</translation>
    </message>
    <message>
        <source>第 {revision} 版未提交</source>
        <translation>Revision {revision} not submitted</translation>
    </message>
    <message>
        <source> · 已保存 {time}</source>
        <translation> · saved {time}</translation>
    </message>
    <message>
        <source>已提交第 {revision} 版 · 已锁定</source>
        <translation>Revision {revision} submitted · locked</translation>
    </message>
    <message>
        <source>已保存 {time}</source>
        <translation>Saved {time}</translation>
    </message>
    <message>
        <source>每项修改即时保存</source>
        <translation>Every change is saved at once</translation>
    </message>
    <message>
        <source>请先完成回避与保密声明</source>
        <translation>Complete the declaration first</translation>
    </message>
    <message>
        <source>评分尚未完成：双击列表中的一项跳到该处</source>
        <translation>Not complete yet: double-click an item to go there</translation>
    </message>
    <message>
        <source>评分已全部完成，可以保存评分文件（Ctrl+Enter）</source>
        <translation>Everything is scored: save the score file (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>评分指引已显示（F1 隐藏）</source>
        <translation>Guidance shown (F1 hides it)</translation>
    </message>
    <message>
        <source>评分指引已隐藏（F1 显示）</source>
        <translation>Guidance hidden (F1 shows it)</translation>
    </message>
    <message>
        <source>声明已保存：申请回避 {n} 个平台</source>
        <translation>Declarations saved: a conflict of interest with {n} platform(s)</translation>
    </message>
    <message>
        <source>声明已保存</source>
        <translation>Declarations saved</translation>
    </message>
    <message>
        <source>已恢复为保存的值</source>
        <translation>Back to the saved value</translation>
    </message>
    <message>
        <source>没有可撤销的修改</source>
        <translation>Nothing to undo</translation>
    </message>
    <message>
        <source>没有可重做的修改</source>
        <translation>Nothing to redo</translation>
    </message>
    <message>
        <source>已撤销：{what}</source>
        <translation>Undone: {what}</translation>
    </message>
    <message>
        <source>已重做：{what}</source>
        <translation>Redone: {what}</translation>
    </message>
    <message>
        <source>{code} 得分或评语</source>
        <translation>{code} score or comment</translation>
    </message>
    <message>
        <source>否决项 {code}</source>
        <translation>veto {code}</translation>
    </message>
    <message>
        <source>加分项 {code}</source>
        <translation>bonus item {code}</translation>
    </message>
    <message>
        <source>总体评价</source>
        <translation>overall opinion</translation>
    </message>
    <message>
        <source>回避声明</source>
        <translation>declaration</translation>
    </message>
    <message>
        <source>jlpanel 评分文件 (*.jlscore)</source>
        <translation>jlpanel score files (*.jlscore)</translation>
    </message>
    <message>
        <source>保存评分文件</source>
        <translation>Save the score file</translation>
    </message>
    <message>
        <source>正在保存评分文件…</source>
        <translation>Saving the score file…</translation>
    </message>
    <message>
        <source>已保存评分文件（第 {revision} 版）：{path}</source>
        <translation>Score file saved (revision {revision}): {path}</translation>
    </message>
    <message>
        <source>再存一份评分文件</source>
        <translation>Save another copy of the score file</translation>
    </message>
    <message>
        <source>已重新打开评分表：修改后请再次提交（将为第 {revision} 版）</source>
        <translation>Sheet reopened: submit again after your changes (it will be revision {revision})</translation>
    </message>
    <message>
        <source>键盘操作</source>
        <translation>Keyboard</translation>
    </message>
    <message>
        <source>您对回避声明的修改尚未确认。</source>
        <translation>Your changes to the declarations are not confirmed.</translation>
    </message>
    <message>
        <source>声明在点“确认并开始评审”后才保存；现在关闭，这些修改将不会保存。</source>
        <translation>Declarations are saved only by “Confirm and begin scoring”; if you close now, these changes are not saved.</translation>
    </message>
    <message>
        <source>返回声明(&amp;R)</source>
        <translation>&amp;Return to the declarations</translation>
    </message>
    <message>
        <source>放弃修改并关闭(&amp;D)</source>
        <translation>&amp;Discard the changes and close</translation>
    </message>
    <message>
        <source>修改尚未提交</source>
        <translation>Changes not submitted yet</translation>
    </message>
    <message>
        <source>第 {current} 版评分尚未提交。</source>
        <translation>Revision {current} of your scores is not submitted.</translation>
    </message>
    <message>
        <source>重新打开后修改了 {n} 个平台，秘书处仍只有第 {submitted} 版。修改已保存在评审包中，不会丢失。

提交：检查并保存第 {current} 版评分文件。
稍后提交：保留修改，以后打开评审包再提交。</source>
        <translation>You changed {n} platform(s) after reopening; the secretary still has only revision {submitted}. The changes are saved in the review package and will not be lost.

Submit: check and save the score file of revision {current}.
Submit later: keep the changes and submit when you next open the package.</translation>
    </message>
    <message>
        <source>提交(&amp;S)…</source>
        <translation>&amp;Submit…</translation>
    </message>
    <message>
        <source>稍后提交(&amp;L)</source>
        <translation>Submit &amp;later</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>修改已保存在评审包中，尚未提交</source>
        <translation>The changes are saved in the package, not submitted yet</translation>
    </message>
    <message>
        <source>已取消：修改尚未提交</source>
        <translation>Cancelled: the changes are not submitted yet</translation>
    </message>
</context>
<context>
    <name>RosterDialog</name>
    <message>
        <source>已导入专家名单</source>
        <translation>Roster imported</translation>
    </message>
    <message>
        <source>已替换专家名单</source>
        <translation>Roster replaced</translation>
    </message>
    <message>
        <source>未导入：名单中有错误</source>
        <translation>Not imported: the roster has errors</translation>
    </message>
    <message>
        <source>未导入：本周期已有专家名单</source>
        <translation>Not imported: this cycle has a roster already</translation>
    </message>
    <message>
        <source>未导入：已发放评审包，名单不能再替换</source>
        <translation>Not imported: packages were issued, the roster can no longer be replaced</translation>
    </message>
    <message>
        <source>发现 {n} 处错误，工作区未作任何改动。</source>
        <comment>one</comment>
        <translation>{n} error found; the workspace was not changed.</translation>
    </message>
    <message>
        <source>发现 {n} 处错误，工作区未作任何改动。</source>
        <comment>other</comment>
        <translation>{n} errors found; the workspace was not changed.</translation>
    </message>
    <message>
        <source>{n} 位专家</source>
        <comment>one</comment>
        <translation>{n} expert</translation>
    </message>
    <message>
        <source>{n} 位专家</source>
        <comment>other</comment>
        <translation>{n} experts</translation>
    </message>
    <message>
        <source>{n} 处回避关系</source>
        <comment>one</comment>
        <translation>{n} conflict of interest</translation>
    </message>
    <message>
        <source>{n} 处回避关系</source>
        <comment>other</comment>
        <translation>{n} conflicts of interest</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{experts}，{conflicts}</source>
        <translation>{experts}, {conflicts}</translation>
    </message>
    <message>
        <source>（{sources}）</source>
        <translation> ({sources})</translation>
    </message>
    <message>
        <source>{n} 处同名待核实：专家与平台材料中的人员同名，请在「同名核实」中确认回避或排除。</source>
        <comment>one</comment>
        <translation>{n} same-name match to check: an expert shares a name with someone a dossier names. Confirm the conflict or clear it under &quot;Same names&quot;.</translation>
    </message>
    <message>
        <source>{n} 处同名待核实：专家与平台材料中的人员同名，请在「同名核实」中确认回避或排除。</source>
        <comment>other</comment>
        <translation>{n} same-name matches to check: experts share a name with someone a dossier names. Confirm each conflict or clear it under &quot;Same names&quot;.</translation>
    </message>
    <message>
        <source>原有的 {n} 份评审分配已清除，请重新分配专家。</source>
        <comment>one</comment>
        <translation>The earlier assignment ({n} review) was cleared; assign the experts again.</translation>
    </message>
    <message>
        <source>原有的 {n} 份评审分配已清除，请重新分配专家。</source>
        <comment>other</comment>
        <translation>The earlier assignment ({n} reviews) was cleared; assign the experts again.</translation>
    </message>
    <message>
        <source>名单问题</source>
        <translation>Roster problems</translation>
    </message>
    <message>
        <source>导入专家名单</source>
        <translation>Import the expert roster</translation>
    </message>
    <message>
        <source>文件：{file}</source>
        <translation>File: {file}</translation>
    </message>
    <message>
        <source>问题清单（{n} 条）：</source>
        <comment>one</comment>
        <translation>Problems ({n}):</translation>
    </message>
    <message>
        <source>问题清单（{n} 条）：</source>
        <comment>other</comment>
        <translation>Problems ({n}):</translation>
    </message>
    <message>
        <source>没有发现问题。</source>
        <translation>No problems found.</translation>
    </message>
    <message>
        <source>复制问题清单(&amp;C)</source>
        <translation>&amp;Copy the problems</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>RubricDetail</name>
    <message>
        <source>{low}–{high} 分</source>
        <translation>{low}–{high} points</translation>
    </message>
    <message>
        <source>在左侧选择一个分区、指标、否决项或加分项，这里显示它的说明。</source>
        <translation>Select an area, indicator, veto or bonus item on the left to see its description here.</translation>
    </message>
    <message>
        <source>满分 {max} 分 · 步长 {step} 分 · 所属分区：{area}</source>
        <translation>Maximum {max} points · step {step} · area: {area}</translation>
    </message>
    <message>
        <source>评分指引</source>
        <translation>Scoring guidance</translation>
    </message>
    <message>
        <source>依据材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>客观指标</source>
        <translation>Objective metrics</translation>
    </message>
    <message>
        <source>{name}（{unit}）</source>
        <translation>{name} ({unit})</translation>
    </message>
    <message>
        <source>导入平台材料后，评分时在指标旁显示这些数值。</source>
        <translation>Once the platform&apos;s dossier is imported, these figures are shown beside the indicator while scoring.</translation>
    </message>
    <message>
        <source>评语</source>
        <translation>Comments</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>评为“{levels}”时必须填写评语。</source>
        <translation>A comment is required for a score rated “{levels}”.</translation>
    </message>
    <message>
        <source>评语可选填。</source>
        <translation>A comment is optional.</translation>
    </message>
    <message>
        <source>满分 {max} 分，共 {n} 项指标</source>
        <comment>one</comment>
        <translation>{max} points, {n} indicator</translation>
    </message>
    <message>
        <source>满分 {max} 分，共 {n} 项指标</source>
        <comment>other</comment>
        <translation>{max} points, {n} indicators</translation>
    </message>
    <message>
        <source>{max} 分</source>
        <translation>{max} points</translation>
    </message>
    <message>
        <source>成立时：考核结果为不合格，取消平台资格，并取消申报和参加考核评价的资格。</source>
        <translation>If confirmed: the result is a fail, the platform loses its status and is barred from applying for and taking part in evaluation.</translation>
    </message>
    <message>
        <source>成立时：考核结果为不合格。</source>
        <translation>If confirmed: the result is a fail.</translation>
    </message>
    <message>
        <source>一票否决</source>
        <translation>Vetoes</translation>
    </message>
    <message>
        <source>任何一项否决经专家组确认成立，无论得分多少，考核结果均为不合格。</source>
        <translation>If the panel confirms any veto, the result is a fail whatever the score.</translation>
    </message>
    <message>
        <source>最多加 {max} 分 · 步长 {step} 分</source>
        <translation>Up to {max} points · step {step}</translation>
    </message>
    <message>
        <source>加分项</source>
        <translation>Bonus items</translation>
    </message>
    <message>
        <source>加分项合计不超过 {cap} 分，专家总分（含加分）不超过 100 分。</source>
        <translation>Bonus points add up to at most {cap}; an expert&apos;s total, bonus included, never exceeds 100.</translation>
    </message>
    <message>
        <source>满分 {max} 分 · 步长 {step} 分</source>
        <translation>Maximum {max} points · steps of {step}</translation>
    </message>
    <message>
        <source>客观指标（本平台）</source>
        <translation>Objective metrics (this platform)</translation>
    </message>
    <message>
        <source>勾选后须写明理由（事实与依据）。</source>
        <translation>A ticked veto needs its reason (the facts and the evidence).</translation>
    </message>
</context>
<context>
    <name>RubricTreeModel</name>
    <message>
        <source>代码</source>
        <extracomment>The headers of the columns, in Column order.</extracomment>
        <translation>Code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>满分</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>步长</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>一票否决</source>
        <extracomment>Data roles beyond Qt&apos;s: the node itself and its code (tests and the detail pane use them).</extracomment>
        <translation>Vetoes</translation>
    </message>
    <message>
        <source>加分项</source>
        <translation>Bonus items</translation>
    </message>
</context>
<context>
    <name>RulesTableModel</name>
    <message>
        <source>截尾平均分</source>
        <translation>Trimmed mean</translation>
    </message>
    <message>
        <source>中位数</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>平均分</source>
        <translation>Mean</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>报告语言</source>
        <translation>Report language</translation>
    </message>
    <message>
        <source>评价报告、汇总表等 PDF 和导出的工作簿使用此语言；在 生成评审报告 (Ctrl+P) 中可以更改</source>
        <translation>The PDF reports and exported workbooks use this language; change it in Generate reports (Ctrl+P)</translation>
    </message>
    <message>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>设定</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Meaning</translation>
    </message>
    <message>
        <source>规则与设定</source>
        <translation>Rule and setting</translation>
    </message>
</context>
<context>
    <name>ScoreEntry</name>
    <message>
        <source>{code}：“{text}”不是数字</source>
        <translation>{code}: “{text}” is not a number</translation>
    </message>
</context>
<context>
    <name>ScoresSummaryPage</name>
    <message>
        <source>评分汇总</source>
        <translation>Score summary</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>录入纸质评分表…</source>
        <translation>Enter a paper sheet…</translation>
    </message>
    <message>
        <source>按专家交回的纸质评分表录入评分 (Ctrl+Shift+P)</source>
        <translation>Type in the scores of a paper sheet an expert handed back (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>合并评分文件…</source>
        <translation>Merge score files…</translation>
    </message>
    <message>
        <source>✔ 已提交（签名评分文件）&#x3000;◐ 纸质录入&#x3000;○ 未提交&#x3000;⊘ 回避；空白：未分配</source>
        <translation>✔ submitted (signed score file)   ◐ paper sheet   ○ missing   ⊘ conflict of interest; blank: not assigned</translation>
    </message>
</context>
<context>
    <name>ScoringDesk</name>
    <message>
        <source>第 {current} 版未提交：重新打开后修改了 {n} 个平台（已保存在评审包中），秘书处仍只有第 {submitted} 版。</source>
        <extracomment>The &quot;not submitted&quot; banner and list line. Where the cursor goes when a platform is shown. An edit was stored (the window shows 已保存 hh:mm:ss). A status-line message; True when it says what is wrong. A platform&apos;s progress changed (the window updates what depends on it). Enter after the last thing to do: go to the submit step. The panel shows this platform (its dossier follows in the background). 重新打开修改 in the locked banner. 提交评分… in the &quot;not submitted&quot; banner. The sheet against the last submitted score file (None: not known yet). perf_counter of the last platform switch (for timing the switch).</extracomment>
        <translation>Revision {current} not submitted: {n} platform(s) changed after reopening (saved in the package); the secretary still has only revision {submitted}.</translation>
    </message>
    <message>
        <source>第 {current} 版未提交（粗体为修改过的平台）</source>
        <translation>Revision {current} not submitted (changed platforms in bold)</translation>
    </message>
    <message>
        <source>评分已提交（第 {revision} 版），评分表已锁定，只能查看。如需修改，请重新打开；修改后须再次提交（第 {next} 版）。</source>
        <translation>The scores were submitted (revision {revision}) and the sheet is locked, read only. To change it, reopen it; then submit again (revision {next}).</translation>
    </message>
    <message>
        <source>{state} {n}</source>
        <translation>{state} {n}</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <source>{code} 的得分须填写评语</source>
        <translation>The score of {code} needs a comment</translation>
    </message>
    <message>
        <source>已完成该平台，转到下一个：{name}</source>
        <translation>Platform done; on to the next: {name}</translation>
    </message>
    <message>
        <source>已清除 {code} 的得分</source>
        <translation>Score of {code} cleared</translation>
    </message>
    <message>
        <source>已保存 {code}：{points} 分</source>
        <translation>Saved {code}: {points} points</translation>
    </message>
    <message>
        <source>检查并保存新版本的评分文件 (Ctrl+Enter)</source>
        <translation>Check and save the new revision of the score file (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>提交评分(&amp;S)…</source>
        <translation>&amp;Submit scores…</translation>
    </message>
    <message>
        <source>解除锁定以修改评分；修改后须再次提交，新的评分文件版本号加 1</source>
        <translation>Unlock the sheet to change scores; submit again afterwards, as the next revision</translation>
    </message>
    <message>
        <source>重新打开修改(&amp;O)</source>
        <translation>Re&amp;open to change</translation>
    </message>
    <message>
        <source>评审平台(&amp;L)</source>
        <translation>P&amp;latforms to score</translation>
    </message>
</context>
<context>
    <name>SecretaryModels</name>
    <message>
        <source>已提交</source>
        <extracomment>Sheet state → icon (a distinct shape, readable in greyscale) and colour.</extracomment>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>纸质录入</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>未提交</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>回避</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>平台</source>
        <extracomment>The state value of a matrix cell (&quot;&quot; when the expert is not assigned the platform). True on the first column of a group (the experts, the statistics): a line sets it apart. Each row&apos;s (sheets in, sheets expected), counted once per status, not per paint.</extracomment>
        <translation>Platform</translation>
    </message>
    <message>
        <source>已收 / 应收</source>
        <translation>In / due</translation>
    </message>
    <message>
        <source>{name}：全部评分已收齐</source>
        <translation>{name}: all scores are in</translation>
    </message>
    <message>
        <source>{name}：还缺 {n} 个平台的评分</source>
        <translation>{name}: {n} platforms still missing</translation>
    </message>
    <message>
        <source>未分配</source>
        <translation>Not assigned</translation>
    </message>
    <message>
        <source>版本 {rev}</source>
        <translation>Revision {rev}</translation>
    </message>
    <message>
        <source>{name}：总分 {total}，偏离中位数 {d}</source>
        <extracomment>The first expert&apos;s column.</extracomment>
        <translation>{name}: total {total}, {d} from the median</translation>
    </message>
    <message>
        <source>满分：该指标、该项或总分的最高可得分</source>
        <translation>Max: the most points the indicator, area or total can get</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>满分</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>均值</source>
        <translation>Mean</translation>
    </message>
    <message>
        <source>截尾均值</source>
        <translation>Trim. mean</translation>
    </message>
    <message>
        <source>中位数</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>极差</source>
        <translation>Range</translation>
    </message>
    <message>
        <source>标准差</source>
        <translation>SD</translation>
    </message>
    <message>
        <source>均值：全部有效评分的算术平均</source>
        <translation>Mean: the plain average of all valid scores</translation>
    </message>
    <message>
        <source>截尾均值：去掉一个最高分和一个最低分后的平均。本周期规则：有效评分达到 {n} 份时去掉，不足 {n} 份时不去掉（即等于均值）。</source>
        <translation>Trimmed mean: the average after dropping the highest and the lowest score. This cycle&apos;s rule: they are dropped when there are {n} or more valid scores; with fewer than {n}, nothing is dropped (it equals the mean).</translation>
    </message>
    <message>
        <source>本平台 {k} 份有效评分：已去掉最高、最低各一份。</source>
        <translation>This platform has {k} valid scores: the highest and the lowest are dropped.</translation>
    </message>
    <message>
        <source>本平台 {k} 份有效评分：不足 {n} 份，未去掉。</source>
        <translation>This platform has {k} valid scores: fewer than {n}, nothing is dropped.</translation>
    </message>
    <message>
        <source>中位数：评分从低到高排列后居中的值（偶数份时取中间两份的平均），不受个别极端评分影响</source>
        <translation>Median: the middle score when they are put in order (the mean of the middle two for an even number); a single extreme score does not move it</translation>
    </message>
    <message>
        <source>极差：最高分减最低分，即专家之间相差最大的分数。专家总分极差超过 {limit} 分的平台列入讨论清单。</source>
        <translation>Range: the highest score minus the lowest, the widest gap between experts. A platform whose expert totals span more than {limit} points goes on the discussion list.</translation>
    </message>
    <message>
        <source>标准差：评分围绕均值的平均分散程度（样本标准差）；越大，专家意见越不一致</source>
        <translation>SD (standard deviation): how far the scores typically lie from their mean (sample standard deviation); the larger, the less the experts agree</translation>
    </message>
    <message>
        <source>n：有效评分份数（回避的专家和未计入的评分表不算）</source>
        <translation>n: the number of valid scores (experts with a conflict of interest and sheets left out do not count)</translation>
    </message>
</context>
<context>
    <name>SecretaryView</name>
    <message>
        <source>还没有导入专家名单</source>
        <extracomment>An expert whose totals are this many points above (below) the panels&apos; on average is lenient (strict). Something changed the workspace (merge, adjustment…): other pages should reload. A sentence for the status bar. The shown data is older than the workspace: reload when the page is next shown. Bumped by every read started and by a workspace change: a read that finishes after another began (or for another workspace) is dropped.</extracomment>
        <translation>No expert roster imported yet</translation>
    </message>
    <message>
        <source>全部评分已收齐。</source>
        <translation>All scores are in.</translation>
    </message>
    <message>
        <source>{name}（缺 {n} 个）</source>
        <translation>{name} ({n} missing)</translation>
    </message>
    <message>
        <source>仍缺评分：{who}</source>
        <translation>Scores still missing: {who}</translation>
    </message>
    <message>
        <source>备案编号</source>
        <translation>Filing no.</translation>
    </message>
    <message>
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>极差</source>
        <translation>Range</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>专家</source>
        <translation>Expert</translation>
    </message>
    <message>
        <source>评分平台数</source>
        <translation>Platforms</translation>
    </message>
    <message>
        <source>平均偏离</source>
        <translation>Mean dev.</translation>
    </message>
    <message>
        <source>平均 z 值</source>
        <translation>Mean z</translation>
    </message>
    <message>
        <source>倾向</source>
        <translation>Tendency</translation>
    </message>
    <message>
        <source>偏宽</source>
        <translation>Lenient</translation>
    </message>
    <message>
        <source>偏严</source>
        <translation>Severe</translation>
    </message>
    <message>
        <source>适中</source>
        <translation>Balanced</translation>
    </message>
    <message>
        <source>统计量</source>
        <translation>Statistic</translation>
    </message>
    <message>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>平台数 n</source>
        <translation>Platforms n</translation>
    </message>
    <message>
        <source>专家数 k</source>
        <translation>Experts k</translation>
    </message>
    <message>
        <source>所用评分</source>
        <translation>Totals used</translation>
    </message>
    <message>
        <source>讨论事项</source>
        <translation>To discuss</translation>
    </message>
    <message>
        <source>已录入 {expert} 对“{platform}”的纸质评分</source>
        <translation>Entered the paper scores of {expert} for “{platform}”</translation>
    </message>
    <message>
        <source>极差：专家总分的最高分减最低分，即专家之间相差最大的分数</source>
        <translation>Range: the highest expert total minus the lowest, the widest gap between experts</translation>
    </message>
    <message>
        <source>得分：按本周期规则由有效评分算出的平台得分（调整后为调整的得分）</source>
        <translation>Score: the platform&apos;s score from its valid scores under this cycle&apos;s rules (the adjusted score once adjusted)</translation>
    </message>
    <message>
        <source>专家总分 n={n}：最低 {low}，中位数 {mid}，最高 {high}</source>
        <translation>Expert totals, n={n}: lowest {low}, median {mid}, highest {high}</translation>
    </message>
    <message>
        <source>否决：{claim}</source>
        <translation>Veto: {claim}</translation>
    </message>
    <message>
        <source>并列待排序：{where}</source>
        <translation>Tie to order: {where}</translation>
    </message>
    <message>
        <source>评分平台数：该专家评了、且至少还有一位专家评了的平台数</source>
        <translation>Platforms scored: the platforms this expert scored that at least one other expert scored too</translation>
    </message>
    <message>
        <source>平均偏离：该专家的总分减去同一平台全体专家总分的平均，再对其评过的平台取平均；正数偏宽，负数偏严</source>
        <translation>Mean deviation: the expert&apos;s total minus the mean of all experts&apos; totals for the same platform, averaged over the platforms they scored; positive is lenient, negative strict</translation>
    </message>
    <message>
        <source>z 值（z 分数）：专家总分偏离同组平均有几个标准差，即（本人总分 − 同组平均）÷ 同组标准差；再对其评过的平台取平均。0 附近为适中，+1 表示平均高出一个标准差（偏宽），−1 表示平均低一个标准差（偏严）</source>
        <translation>z (z-score): how many standard deviations the expert&apos;s total lies from the panel&apos;s mean, i.e. (own total − panel mean) ÷ panel SD, averaged over the platforms they scored. Near 0 is balanced; +1 means one standard deviation above on average (lenient), −1 one below (strict)</translation>
    </message>
    <message>
        <source>倾向：平均偏离达到 +{n} 分为偏宽，达到 −{n} 分为偏严，其余适中</source>
        <translation>Tendency: a mean deviation of +{n} points or more is lenient, −{n} or less strict, anything between balanced</translation>
    </message>
    <message>
        <source>{criteria}的平台，按极差从大到小排列；其后是有专家主张一票否决、或并列尚待专家组排序的平台。</source>
        <extracomment>The panel of the platform to show, read with the rest.</extracomment>
        <translation>Platforms where {criteria}, widest spread first; then those with an expert&apos;s veto claim or a tie awaiting the panel&apos;s order.</translation>
    </message>
    <message>
        <source>解读：{reading}</source>
        <translation>Reading: {reading}</translation>
    </message>
    <message>
        <source>选择一个平台</source>
        <translation>Choose a platform</translation>
    </message>
    <message>
        <source>有效评分 {n} 份&#x3000;计算得分 {computed}&#x3000;最终得分 {score}&#x3000;等级 {grade}</source>
        <translation>Valid scores {n}   computed score {computed}   final score {score}   grade {grade}</translation>
    </message>
    <message>
        <source>（有效评分不足，结果未定）</source>
        <translation>(too few valid scores: not final)</translation>
    </message>
    <message>
        <source>已调整为 {score} 分，理由：{reason}</source>
        <translation>Adjusted to {score}. Reason: {reason}</translation>
    </message>
    <message>
        <source>一票否决：{claim}</source>
        <translation>Veto: {claim}</translation>
    </message>
    <message>
        <source>一票否决（{name}）— {expert}：{reason}</source>
        <translation>Veto ({name}) — {expert}: {reason}</translation>
    </message>
    <message>
        <source>回避：{names}</source>
        <translation>Conflict of interest: {names}</translation>
    </message>
    <message>
        <source>未计入（{name}）：{problems}</source>
        <translation>Not counted ({name}): {problems}</translation>
    </message>
    <message>
        <source>已记录专家组对一票否决的认定</source>
        <translation>The panel&apos;s ruling on the veto is recorded</translation>
    </message>
    <message>
        <source>已调整得分</source>
        <translation>Score adjusted</translation>
    </message>
    <message>
        <source>已保存专家组意见</source>
        <translation>Panel opinion saved</translation>
    </message>
    <message>
        <source>{rank}（并列）</source>
        <translation>{rank} (tied)</translation>
    </message>
    <message>
        <source>{where}，已由专家组确定先后</source>
        <translation>{where}; ordered by the panel</translation>
    </message>
    <message>
        <source>{where}，尚待专家组确定先后（并列排序…）</source>
        <translation>{where}; awaiting the panel&apos;s order (Order Tie…)</translation>
    </message>
    <message>
        <source>名次</source>
        <extracomment>The decision&apos;s column in the results table.</extracomment>
        <translation>Rank</translation>
    </message>
    <message>
        <source>计算得分 {c}，调整理由：{reason}</source>
        <translation>Computed score {c}; adjusted because: {reason}</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>整改期限</source>
        <translation>Rectify by</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>可定</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>待定</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>顺位</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>依托单位</source>
        <translation>Host unit</translation>
    </message>
    <message>
        <source>建议金额（万元）</source>
        <translation>Proposed amount (10k CNY)</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>禁止申报</source>
        <translation>Barred</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>有效评分</source>
        <translation>Valid scores</translation>
    </message>
    <message>
        <source>待收评分</source>
        <translation>Awaiting scores from</translation>
    </message>
    <message>
        <source>无效评分</source>
        <translation>Invalid scores</translation>
    </message>
    <message>
        <source>考核周期</source>
        <translation>Cycle</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>不分配</source>
        <translation>No split</translation>
    </message>
    <message>
        <source>平均分配</source>
        <translation>Equal shares</translation>
    </message>
    <message>
        <source>按得分比例</source>
        <translation>In proportion to score</translation>
    </message>
    <message>
        <source>按等级档次</source>
        <translation>By grade tier</translation>
    </message>
    <message>
        <source>结果未定</source>
        <translation>Not final</translation>
    </message>
    <message>
        <source>未评定</source>
        <translation>No grade</translation>
    </message>
    <message>
        <source>{name}：最低 {low}，中位数 {mid}，最高 {high}，得分 {score}</source>
        <translation>{name}: lowest {low}, median {mid}, highest {high}, score {score}</translation>
    </message>
    <message>
        <source>共 {n} 个平台，结果可定 {final} 个，待定 {pending} 个</source>
        <translation>{n} platforms, {final} final, {pending} pending</translation>
    </message>
    <message>
        <source>考核结果尚未确定</source>
        <translation>The results are not confirmed yet</translation>
    </message>
    <message>
        <source>结果已于 {date} 确定，确定后结果有变化（{n} 处），需重新确定</source>
        <translation>Confirmed on {date}, but the results have changed since ({n} changes): confirm them again</translation>
    </message>
    <message>
        <source>考核结果已于 {date} 确定（{who}）</source>
        <translation>Results confirmed on {date} ({who})</translation>
    </message>
    <message>
        <source>；{n} 处并列尚待专家组排序</source>
        <translation>; {n} tie(s) await the panel&apos;s order</translation>
    </message>
    <message>
        <source>考核结果已于 {date} 确定</source>
        <translation>Results confirmed on {date}</translation>
    </message>
    <message>
        <source>确定结果</source>
        <translation>Confirm Results</translation>
    </message>
    <message>
        <source>下一步：生成评审报告 (Ctrl+P)，导出结果 (Ctrl+E)。</source>
        <translation>Next: generate the reports (Ctrl+P) and export the results (Ctrl+E).</translation>
    </message>
    <message>
        <source>已重新打开考核结果</source>
        <translation>The results are reopened</translation>
    </message>
    <message>
        <source>已记录并列平台的先后</source>
        <translation>The panel&apos;s order of the tied platforms is recorded</translation>
    </message>
    <message>
        <source>已更新后补助预算</source>
        <translation>Funding budget updated</translation>
    </message>
    <message>
        <source>已保存考核结果与决定</source>
        <translation>Results and decisions saved</translation>
    </message>
    <message>
        <source>导入历史结果</source>
        <translation>Import history</translation>
    </message>
    <message>
        <source>历史结果表或往期工作区 (*.xlsx *.jlpanel);;所有文件 (*)</source>
        <translation>History sheet or earlier workspace (*.xlsx *.jlpanel);;All files (*)</translation>
    </message>
    <message>
        <source>已导入 {added} 条，替换 {replaced} 条历史结果。</source>
        <translation>Imported {added} and replaced {replaced} earlier results.</translation>
    </message>
    <message>
        <source>未导入：
{problems}</source>
        <translation>Not imported:
{problems}</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>连接服务器</source>
        <translation>Connect to a server</translation>
    </message>
    <message>
        <source>最近连接(&amp;R)：</source>
        <translation>&amp;Recent:</translation>
    </message>
    <message>
        <source>服务器(&amp;S)：</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>端口(&amp;T)：</source>
        <translation>Por&amp;t:</translation>
    </message>
    <message>
        <source>数据库(&amp;D)：</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <source>用户名(&amp;U)：</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <source>密码(&amp;P)：</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>服务器的名称或地址；本机套接字可填其所在文件夹，如 /run/postgresql</source>
        <translation>The server&apos;s name or address; for a local socket, its folder, e.g. /run/postgresql</translation>
    </message>
    <message>
        <source>部门的考核存储放在 PostgreSQL 服务器上。密码不会保存：每次连接时输入；最近连接只记住服务器、数据库和用户名。</source>
        <translation>The department&apos;s evaluation store is on a PostgreSQL server. The password is never saved: type it each time you connect; the recent list keeps only the server, the database and the user.</translation>
    </message>
    <message>
        <source>连接</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>（新的服务器）</source>
        <translation>(a new server)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>等次分数线须满足：合格 ≤ 良好 ≤ 优秀。</source>
        <translation>The grade thresholds must satisfy Pass ≤ Good ≤ Excellent.</translation>
    </message>
    <message>
        <source>备份文件夹</source>
        <translation>The backup folder</translation>
    </message>
    <message>
        <source>默认导出文件夹</source>
        <translation>The default export folder</translation>
    </message>
    <message>
        <source>{what}须是完整的路径：{path}</source>
        <translation>{what} must be a full path: {path}</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>新周期默认规则有误：</source>
        <translation>The rule defaults for new cycles are invalid:</translation>
    </message>
    <message>
        <source>无法保存设置：
{error}</source>
        <translation>Cannot save the settings:
{error}</translation>
    </message>
    <message>
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Exports</translation>
    </message>
    <message>
        <source>新周期默认规则</source>
        <translation>Rules for new cycles</translation>
    </message>
    <message>
        <source>应用(&amp;A)</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <source>界面语言(&amp;L)：</source>
        <translation>Interface &amp;language:</translation>
    </message>
    <message>
        <source>按“确定”或“应用”后立即切换，命令行的提示也使用这种语言。</source>
        <translation>Switches as soon as you press OK or Apply; the command line&apos;s messages use this language too.</translation>
    </message>
    <message>
        <source>备份文件夹(&amp;F)：</source>
        <translation>Backup &amp;folder:</translation>
    </message>
    <message>
        <source>浏览(&amp;B)…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>选择备份文件夹</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <source> 位专家</source>
        <comment>one</comment>
        <translation> expert</translation>
    </message>
    <message>
        <source> 位专家</source>
        <comment>other</comment>
        <translation> experts</translation>
    </message>
    <message>
        <source> 份</source>
        <comment>one</comment>
        <translation> sheet</translation>
    </message>
    <message>
        <source> 份</source>
        <comment>other</comment>
        <translation> sheets</translation>
    </message>
    <message>
        <source> 位</source>
        <comment>one</comment>
        <translation> decimal</translation>
    </message>
    <message>
        <source> 位</source>
        <comment>other</comment>
        <translation> decimals</translation>
    </message>
    <message>
        <source> 个月</source>
        <comment>one</comment>
        <translation> month</translation>
    </message>
    <message>
        <source> 个月</source>
        <comment>other</comment>
        <translation> months</translation>
    </message>
    <message>
        <source> 份备份</source>
        <comment>one</comment>
        <translation> backup</translation>
    </message>
    <message>
        <source> 份备份</source>
        <comment>other</comment>
        <translation> backups</translation>
    </message>
    <message>
        <source>每类备份保留(&amp;K)：</source>
        <translation>&amp;Keep of each kind:</translation>
    </message>
    <message>
        <source>规则</source>
        <extracomment>The grades whose post-hoc funding weight can be set (the usual candidates). The preferences were saved (OK or 应用); carries the new Preferences. Funding weights of grades the form has no editor for, kept as they were.</extracomment>
        <translation>Rules</translation>
    </message>
    <message>
        <source>打开工作区、导入材料、导入专家名单、合并评分、确定结果和升级工作区之前，都会先把工作区备份到这个文件夹（每个考核周期一个子文件夹），并立即校验备份。每类备份各保留上面的份数，超过时删除该类最旧的一份；最新一份校验通过的备份始终保留。只查看结果、导出和生成报告时不备份。留空则使用上面灰色显示的默认文件夹。</source>
        <translation>Before a workspace is opened, dossiers or the expert roster are imported, scores are merged, results are confirmed or the workspace is upgraded, it is backed up to this folder (one sub-folder per cycle) and the backup is checked at once. Each kind of backup keeps the number above; beyond it, the oldest of that kind is deleted, but the newest checked backup is always kept. Viewing results, exporting and writing reports take no backup. Leave it empty for the default folder shown in grey above.</translation>
    </message>
    <message>
        <source>默认导出文件夹(&amp;E)：</source>
        <translation>Default &amp;export folder:</translation>
    </message>
    <message>
        <source>工作区所在的文件夹</source>
        <translation>The workspace&apos;s folder</translation>
    </message>
    <message>
        <source>选择默认导出文件夹</source>
        <translation>Choose the default export folder</translation>
    </message>
    <message>
        <source>生成评审报告和导出考核结果时，先打开这个文件夹；本次运行中选过别的文件夹后，改用最近一次选的。留空则使用工作区所在的文件夹。</source>
        <translation>Reports and exported results start in this folder; once you choose another folder while the program runs, the last one chosen is used. Leave it empty for the workspace&apos;s folder.</translation>
    </message>
    <message>
        <source>新建的考核周期工作区从这些规则开始（图形界面和 jlpanel new 都一样）。已有的工作区保留各自的规则，不受影响。</source>
        <translation>New cycle workspaces start with these rules (in the program and with jlpanel new). Existing workspaces keep their own rules.</translation>
    </message>
    <message>
        <source>平台得分</source>
        <translation>Platform score</translation>
    </message>
    <message>
        <source>等次</source>
        <translation>Grades</translation>
    </message>
    <message>
        <source>后补助与整改</source>
        <translation>Funding and rectification</translation>
    </message>
    <message>
        <source>计分方法(&amp;M)：</source>
        <translation>Score &amp;method:</translation>
    </message>
    <message>
        <source>截尾起始人数(&amp;T)：</source>
        <translation>&amp;Trim from:</translation>
    </message>
    <message>
        <source>分歧提示：总分极差 &gt;(&amp;J)</source>
        <translation>Disagreement: rang&amp;e &gt;</translation>
    </message>
    <message>
        <source>分歧提示：偏离中位数 &gt;(&amp;Z)</source>
        <translation>Disagreement: from me&amp;dian &gt;</translation>
    </message>
    <message>
        <source> 分</source>
        <translation> points</translation>
    </message>
    <message>
        <source>最少有效评分(&amp;V)：</source>
        <translation>Minimum &amp;valid scores:</translation>
    </message>
    <message>
        <source>得分小数位(&amp;X)：</source>
        <translation>Score decima&amp;ls:</translation>
    </message>
    <message>
        <source>{grade} ≥</source>
        <translation>{grade} ≥</translation>
    </message>
    <message>
        <source>优秀比例上限(&amp;Q)：</source>
        <translation>Cap on E&amp;xcellent:</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>No cap</translation>
    </message>
    <message>
        <source>分区下限(&amp;F)：</source>
        <translation>Area &amp;floor:</translation>
    </message>
    <message>
        <source> % 满分</source>
        <translation> % of maximum</translation>
    </message>
    <message>
        <source>未达分区下限时最高(&amp;G)：</source>
        <translation>Best &amp;grade below the floor:</translation>
    </message>
    <message>
        <source>同分时按此分区排序(&amp;S)：</source>
        <translation>Tie&amp;s ranked by area:</translation>
    </message>
    <message>
        <source>一票否决成立人数(&amp;O)：</source>
        <translation>Veto applies fr&amp;om:</translation>
    </message>
    <message>
        <source>后补助候选(&amp;C)：</source>
        <translation>Funding &amp;candidates:</translation>
    </message>
    <message>
        <source>后补助预算(&amp;U)：</source>
        <translation>F&amp;unding budget:</translation>
    </message>
    <message>
        <source> 万元</source>
        <translation> ×10k yuan</translation>
    </message>
    <message>
        <source>分配方式(&amp;W)：</source>
        <translation>Ho&amp;w to split:</translation>
    </message>
    <message>
        <source>档次权重(&amp;I)：</source>
        <translation>T&amp;ier weights:</translation>
    </message>
    <message>
        <source>整改期限(&amp;N)：</source>
        <translation>Rectify withi&amp;n:</translation>
    </message>
    <message>
        <source>这些规则的含义：</source>
        <translation>What these rules mean:</translation>
    </message>
    <message>
        <source>恢复默认(&amp;R)</source>
        <translation>&amp;Restore defaults</translation>
    </message>
    <message>
        <source>把新周期默认规则恢复为省里的默认规则</source>
        <translation>Put the provincial default rules back in the rules for new cycles</translation>
    </message>
</context>
<context>
    <name>SheetTableModel</name>
    <message>
        <source>是</source>
        <extracomment>Column kinds shown as numbers (right-aligned). Decimal numbers: shown with the column&apos;s fixed decimals.</extracomment>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>键盘快捷键</source>
        <translation>Keyboard Shortcuts</translation>
    </message>
    <message>
        <source>菜单里的命令都可以用 Alt 加括号中的字母打开；下面是可直接按的快捷键。</source>
        <translation>Every menu command can be reached with Alt and its underlined letter; these are the keys that act directly.</translation>
    </message>
    <message>
        <source>命令</source>
        <translation>Command</translation>
    </message>
    <message>
        <source>快捷键</source>
        <translation>Shortcut</translation>
    </message>
</context>
<context>
    <name>SpreadChart</name>
    <message>
        <source>还没有专家评分</source>
        <extracomment>Before the name of a platform on the discussion list (with its hatched bar). Grade thresholds drawn as reference lines on the spread chart. The default rules&apos; grade thresholds, until a cycle&apos;s own are set.</extracomment>
        <translation>No expert scores yet</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>文件已不存在：{folder}</source>
        <extracomment>The file&apos;s path (a Path) and whether it still exists. The second line under the name: the folder, or that the file is gone.</extracomment>
        <translation>File no longer exists: {folder}</translation>
    </message>
    <message>
        <source>从列表中移除(&amp;R)</source>
        <extracomment>连接服务器…: a store on the department&apos;s PostgreSQL server. 打开演示考核周期. A recent file was chosen (double-click or Enter).</extracomment>
        <translation>&amp;Remove from List</translation>
    </message>
    <message>
        <source>清除列表(&amp;C)</source>
        <translation>&amp;Clear List</translation>
    </message>
    <message>
        <source>演示考核周期：虚构的 24 个平台、7 位专家，专家的评分文件已备好，可直接练习合并评分与生成报告。</source>
        <translation>The demo cycle: 24 fictional platforms and 7 experts whose score files are ready, to practise merging scores and making reports.</translation>
    </message>
    <message>
        <source>演示数据保存在：{folder}</source>
        <translation>The demo is kept in: {folder}</translation>
    </message>
    <message>
        <source>吉林省科技资源共享服务平台考核评价</source>
        <translation>Evaluation of the Jilin Provincial S&amp;T Resource Sharing Service Platforms</translation>
    </message>
    <message>
        <source>一个存储保存历年的考核周期：专家评审、评分汇总、结果管理和平台名录，可以全程离线完成。</source>
        <translation>One store keeps every evaluation cycle: expert review, score merging, results and the platform register, all offline if need be.</translation>
    </message>
    <message>
        <source>为一个新的考核周期建立工作区文件</source>
        <translation>Create a workspace file for a new evaluation cycle</translation>
    </message>
    <message>
        <source>新建工作区</source>
        <translation>New Workspace</translation>
    </message>
    <message>
        <source>打开已有的工作区（.jlpanel），或专家的评审包（.jlreview）</source>
        <translation>Open an existing workspace (.jlpanel) or an expert&apos;s review package (.jlreview)</translation>
    </message>
    <message>
        <source>打开工作区或评审包</source>
        <translation>Open Workspace or Package</translation>
    </message>
    <message>
        <source>打开一个完整的虚构考核周期，第一次打开时先生成它（约半分钟）</source>
        <translation>Open a complete fictional assessment cycle; it is built the first time (about half a minute)</translation>
    </message>
    <message>
        <source>打开演示考核周期</source>
        <translation>Open the Demo Cycle</translation>
    </message>
    <message>
        <source>打开部门 PostgreSQL 服务器上的考核存储（Ctrl+Shift+O）</source>
        <translation>Open the evaluation store on the department&apos;s PostgreSQL server (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>连接服务器…</source>
        <translation>Connect to a server…</translation>
    </message>
    <message>
        <source>最近打开</source>
        <translation>Recent workspaces</translation>
    </message>
    <message>
        <source>还没有打开过工作区。新建一个、打开同事发来的工作区文件，或先打开演示考核周期看一看。</source>
        <translation>No workspace has been opened yet. Create one, open a workspace file a colleague sent, or look round the demo cycle first.</translation>
    </message>
</context>
<context>
    <name>SubmitPage</name>
    <message>
        <source>秘书处已有第 {submitted} 版；当前修改为第 {current} 版，尚未提交。</source>
        <extracomment>Go to this problem: (platform id, kind, code).</extracomment>
        <translation>The secretary has revision {submitted}; your changes are revision {current}, not submitted yet.</translation>
    </message>
    <message>
        <source>秘书处已有第 {submitted} 版；重新打开后尚未修改，无须再次提交。</source>
        <translation>The secretary has revision {submitted}; nothing has changed since reopening, so there is nothing to submit again.</translation>
    </message>
    <message>
        <source>{platforms} 个平台尚未完成（共 {n} 处需要处理），全部处理后才能提交：</source>
        <comment>one</comment>
        <translation>{platforms} platform(s) not complete ({n} thing to do); submit when all are done:</translation>
    </message>
    <message>
        <source>{platforms} 个平台尚未完成（共 {n} 处需要处理），全部处理后才能提交：</source>
        <comment>other</comment>
        <translation>{platforms} platform(s) not complete ({n} things to do); submit when all are done:</translation>
    </message>
    <message>
        <source>评分已提交（第 {revision} 版），评分表已锁定。</source>
        <translation>Submitted (revision {revision}); the sheet is locked.</translation>
    </message>
    <message>
        <source>{scored} 个平台已全部评完（另有 {conflicts} 个已回避）。请核对下表，然后保存评分文件（第 {revision} 版）；保存后评分表锁定。</source>
        <translation>All {scored} platforms are scored ({conflicts} more with a declared conflict). Check the table, then save the score file (revision {revision}); the sheet is then locked.</translation>
    </message>
    <message>
        <source>{scored} 个平台已全部评完。请核对下表，然后保存评分文件（第 {revision} 版）；保存后评分表锁定。</source>
        <translation>All {scored} platforms are scored. Check the table, then save the score file (revision {revision}); the sheet is then locked.</translation>
    </message>
    <message>
        <source>已保存评分文件（第 {revision} 版，{size}）：
{path}
提交时间 {time} · 校验码 {digest}
请把该文件交给评审秘书。</source>
        <translation>Score file saved (revision {revision}, {size}):
{path}
Submitted {time} · checksum {digest}
Hand this file to the panel secretary.</translation>
    </message>
    <message>
        <source>本评审包已提交第 {revision} 版评分。如需再存一份评分文件，请点“再存一份”。</source>
        <translation>Revision {revision} of the scores was submitted from this package. To save the score file again, use “Save a copy”.</translation>
    </message>
    <message>
        <source>评分文件经签名，只含您本人的声明、评分和评语；建议直接保存到U盘交给评审秘书。</source>
        <translation>The score file is signed and holds only your declarations, scores and comments; save it straight to a USB stick for the panel secretary.</translation>
    </message>
    <message>
        <source>提交评分</source>
        <translation>Submit the scores</translation>
    </message>
    <message>
        <source>双击或按 Enter 跳到该处补全；全部处理后即可提交。</source>
        <translation>Double-click or press Enter to go there; submit once everything is done.</translation>
    </message>
    <message>
        <source>打开所在文件夹(&amp;D)</source>
        <translation>Open the fol&amp;der</translation>
    </message>
    <message>
        <source>把已提交的评分文件原样再保存一份（例如另一个U盘）</source>
        <translation>Save the submitted score file again, unchanged (e.g. to another USB stick)</translation>
    </message>
    <message>
        <source>再存一份(&amp;C)…</source>
        <translation>Save a &amp;copy…</translation>
    </message>
    <message>
        <source>解除锁定以修改评分；修改后须再次提交，新的评分文件版本号加 1</source>
        <translation>Unlock the sheet to change scores; submit again afterwards, as the next revision</translation>
    </message>
    <message>
        <source>重新打开修改(&amp;O)</source>
        <translation>Re&amp;open to change</translation>
    </message>
    <message>
        <source>签名并保存评分文件（Ctrl+Enter）；保存后评分表锁定</source>
        <translation>Sign and save the score file (Ctrl+Enter); the sheet is then locked</translation>
    </message>
    <message>
        <source>保存评分文件(&amp;W)…</source>
        <translation>Save the score file (&amp;W)…</translation>
    </message>
</context>
<context>
    <name>Tables</name>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <extracomment>Set on every view :func:`spreadsheet` has fitted out (a test walks the windows for it). Where this session last exported a selection (a property of the window).</extracomment>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV 表格 (*.csv)</source>
        <translation>CSV table (*.csv)</translation>
    </message>
    <message>
        <source>导出所选</source>
        <translation>Export Selection</translation>
    </message>
    <message>
        <source>已导出 {n} 行：{path}</source>
        <translation>Exported {n} rows: {path}</translation>
    </message>
    <message>
        <source>表格</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>全选</source>
        <translation>Select All</translation>
    </message>
    <message>
        <source>导出所选…</source>
        <translation>Export Selection…</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>无法写入文件：
{error}</source>
        <translation>Cannot write the file:
{error}</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>正在完成…</source>
        <translation>Finishing…</translation>
    </message>
    <message>
        <source>第 {n} / {total} 个文件：{name}</source>
        <translation>File {n} of {total}: {name}</translation>
    </message>
</context>
<context>
    <name>WorkspaceView</name>
    <message>
        <source>考核期：{start} 至 {end}</source>
        <translation>Period: {start} to {end}</translation>
    </message>
    <message>
        <source>评分细则：{name}（版本 {version}）</source>
        <translation>Rubric: {name} (version {version})</translation>
    </message>
    <message>
        <source>{n} 个平台</source>
        <comment>one</comment>
        <translation>{n} platform</translation>
    </message>
    <message>
        <source>{n} 个平台</source>
        <comment>other</comment>
        <translation>{n} platforms</translation>
    </message>
    <message>
        <source>{n} 位专家</source>
        <comment>one</comment>
        <translation>{n} expert</translation>
    </message>
    <message>
        <source>{n} 位专家</source>
        <comment>other</comment>
        <translation>{n} experts</translation>
    </message>
    <message>
        <source>{platforms} · {experts}</source>
        <translation>{platforms} · {experts}</translation>
    </message>
    <message>
        <source>评分汇总</source>
        <translation>Score summary</translation>
    </message>
    <message>
        <source>讨论与共识</source>
        <translation>Discussion and consensus</translation>
    </message>
    <message>
        <source>考核结果</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>平台列表</source>
        <translation>Platform list</translation>
    </message>
    <message>
        <source>专家与分配</source>
        <translation>Experts and assignment</translation>
    </message>
    <message>
        <source>评分细则</source>
        <extracomment>The platform list has been (re)read; carries how many platforms there are. The dossier browser now shows this platform. The platform list is shown again. A sentence for the status bar (from the secretary&apos;s pages).</extracomment>
        <translation>Scoring criteria</translation>
    </message>
    <message>
        <source>考核规则</source>
        <translation>Assessment rules</translation>
    </message>
    <message>
        <source>本考核周期适用的规则。规则保存在工作区文件中，每次修改都记入审计日志。</source>
        <translation>The rules of this evaluation cycle. They are kept in the workspace file, and every change is recorded in the audit log.</translation>
    </message>
</context>
</TS>
