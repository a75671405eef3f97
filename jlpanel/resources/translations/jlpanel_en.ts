<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
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
    <name>MainWindow</name>
    <message>
        <source>文件(&amp;F)</source>
        <extracomment>A workspace is now shown (opened or newly created); carries its path. Opening or creating failed; carries the message shown.</extracomment>
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
        <source>关于 jlpanel(&amp;A)</source>
        <translation>&amp;About jlpanel</translation>
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
        <source>打开工作区</source>
        <translation>Open Workspace</translation>
    </message>
    <message>
        <source>jlpanel 工作区 (*.jlpanel);;所有文件 (*)</source>
        <translation>jlpanel workspaces (*.jlpanel);;All files (*)</translation>
    </message>
    <message>
        <source>找不到文件：
{path}</source>
        <translation>File not found:
{path}</translation>
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
        <source>已关闭 {name}</source>
        <translation>Closed {name}</translation>
    </message>
    <message>
        <source>界面语言：中文</source>
        <translation>Interface language: English</translation>
    </message>
    <message>
        <source>为考核周期的专家评审、评分汇总和结果管理而设计的离线工作台。</source>
        <translation>An offline desk for running an evaluation cycle: expert review, score merging and results.</translation>
    </message>
    <message>
        <source>关于 jlpanel</source>
        <translation>About jlpanel</translation>
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
    <message numerus="yes">
        <source>满分 {max} 分，共 %n 项指标</source>
        <translation>
            <numerusform>Maximum {max} points, %n indicator</numerusform>
            <numerusform>Maximum {max} points, %n indicators</numerusform>
        </translation>
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
</context>
<context>
    <name>RubricTreeModel</name>
    <message>
        <source>代码</source>
        <extracomment>Data roles beyond Qt&apos;s: the node itself and its code (tests and the detail pane use them).</extracomment>
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
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>截尾平均分</source>
        <translation>Trimmed mean</translation>
    </message>
    <message>
        <source>去掉一个最高分和一个最低分后的平均分（≥{n}位专家时；不足{n}位时取平均分）</source>
        <translation>Mean of the experts&apos; totals after dropping the highest and the lowest (with {n} or more experts; below {n}, the plain mean)</translation>
    </message>
    <message>
        <source>中位数</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>各位专家总分的中位数</source>
        <translation>Median of the experts&apos; totals</translation>
    </message>
    <message>
        <source>平均分</source>
        <translation>Mean</translation>
    </message>
    <message>
        <source>各位专家总分的平均分</source>
        <translation>Mean of the experts&apos; totals</translation>
    </message>
    <message>
        <source>平台得分</source>
        <translation>Platform score</translation>
    </message>
    <message>
        <source>&gt; {value} 分</source>
        <translation>&gt; {value} points</translation>
    </message>
    <message>
        <source>分歧提示：总分极差</source>
        <translation>Disagreement: range of totals</translation>
    </message>
    <message>
        <source>专家总分的最高分与最低分相差超过此值，平台列入讨论名单</source>
        <translation>When the highest and lowest expert totals differ by more than this, the platform goes on the discussion list</translation>
    </message>
    <message>
        <source>分歧提示：偏离中位数</source>
        <translation>Disagreement: distance from median</translation>
    </message>
    <message>
        <source>有专家总分偏离中位数超过此值，平台列入讨论名单</source>
        <translation>When an expert&apos;s total is further than this from the median, the platform goes on the discussion list</translation>
    </message>
    <message>
        <source>≥ {value} 分</source>
        <translation>≥ {value} points</translation>
    </message>
    <message>
        <source>平台得分达到此分数，评为{grade}</source>
        <translation>A platform score at or above this is graded {grade}</translation>
    </message>
    <message>
        <source>&lt; {value} 分</source>
        <translation>&lt; {value} points</translation>
    </message>
    <message>
        <source>得分低于合格线，或任何一项一票否决成立</source>
        <translation>A score below the pass mark, or any confirmed veto</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>不限制优秀的比例</source>
        <translation>No limit on the share of Excellent grades</translation>
    </message>
    <message>
        <source>按排名，优秀不超过参评平台的此比例（向下取整）</source>
        <translation>By rank, at most this share of the platforms can be Excellent (rounded down)</translation>
    </message>
    <message>
        <source>优秀比例上限</source>
        <translation>Cap on Excellent</translation>
    </message>
    <message>
        <source>不设分区得分下限</source>
        <translation>No minimum score per area</translation>
    </message>
    <message>
        <source>每个分区得分须达到该分区满分的此比例，否则最高评为{grade}</source>
        <translation>Each area must reach this share of its maximum, otherwise the best possible grade is {grade}</translation>
    </message>
    <message>
        <source>分区下限</source>
        <translation>Area floor</translation>
    </message>
    <message>
        <source>同分排序</source>
        <translation>Ties</translation>
    </message>
    <message>
        <source>平台得分相同时，按此分区的得分排序</source>
        <translation>Platforms with equal scores are ranked by their score in this area</translation>
    </message>
    <message>
        <source>一票否决成立</source>
        <translation>Veto applies</translation>
    </message>
    <message numerus="yes">
        <source>≥ %n 位专家</source>
        <translation>
            <numerusform>≥ %n expert</numerusform>
            <numerusform>≥ %n experts</numerusform>
        </translation>
    </message>
    <message>
        <source>提出同一否决项的有效评分达到此人数时，否决成立</source>
        <translation>A veto applies when at least this many valid score sheets raise it</translation>
    </message>
    <message>
        <source>后补助候选</source>
        <translation>Post-hoc funding candidates</translation>
    </message>
    <message>
        <source>评为这些等次的平台列为后补助候选，择优支持</source>
        <translation>Platforms with these grades become candidates for post-hoc funding, awarded on merit</translation>
    </message>
    <message>
        <source>不在本程序中分配后补助经费</source>
        <translation>Funding is not allocated in this program</translation>
    </message>
    <message>
        <source>{amount} 万元</source>
        <translation>{amount} × 10k CNY</translation>
    </message>
    <message>
        <source>在候选平台之间平均分配</source>
        <translation>Split equally among the candidates</translation>
    </message>
    <message>
        <source>按候选平台的得分比例分配</source>
        <translation>Split in proportion to the candidates&apos; scores</translation>
    </message>
    <message>
        <source>按等次权重分配：{weights}</source>
        <translation>Split by grade weights: {weights}</translation>
    </message>
    <message>
        <source>后补助预算</source>
        <translation>Post-hoc funding budget</translation>
    </message>
    <message>
        <source>整改期限</source>
        <translation>Rectification period</translation>
    </message>
    <message numerus="yes">
        <source>%n 个月</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message>
        <source>首次不合格的平台限期整改；连续两个周期不合格的取消平台资格</source>
        <translation>A platform failing for the first time must rectify within this period; failing two cycles in a row loses its status</translation>
    </message>
    <message>
        <source>最少有效评分</source>
        <translation>Minimum valid scores</translation>
    </message>
    <message numerus="yes">
        <source>%n 份</source>
        <translation>
            <numerusform>%n score</numerusform>
            <numerusform>%n scores</numerusform>
        </translation>
    </message>
    <message>
        <source>平台须有不少于此数量的有效、无回避评分，结果才能确定</source>
        <translation>A result can be final only with at least this many valid, conflict-free scores</translation>
    </message>
    <message>
        <source>得分小数位</source>
        <translation>Score decimals</translation>
    </message>
    <message numerus="yes">
        <source>%n 位</source>
        <translation>
            <numerusform>%n decimal place</numerusform>
            <numerusform>%n decimal places</numerusform>
        </translation>
    </message>
    <message>
        <source>平台得分按四舍五入保留的小数位数，再评定等次</source>
        <translation>Platform scores are rounded half up to this many decimals before grading</translation>
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
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>文件已不存在：{folder}</source>
        <extracomment>The file&apos;s path (a Path) and whether it still exists. The second line under the name: the folder, or that the file is gone.</extracomment>
        <translation>File no longer exists: {folder}</translation>
    </message>
    <message>
        <source>吉林省科技资源共享服务平台考核评价</source>
        <translation>Evaluation of the Jilin Provincial S&amp;T Resource Sharing Service Platforms</translation>
    </message>
    <message>
        <source>每个考核周期一个工作区：专家评审、评分汇总与结果管理，全程离线完成。</source>
        <translation>One workspace per evaluation cycle: expert review, score merging and results, all offline.</translation>
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
        <source>打开已有的工作区文件（.jlpanel）</source>
        <translation>Open an existing workspace file (.jlpanel)</translation>
    </message>
    <message>
        <source>打开工作区</source>
        <translation>Open Workspace</translation>
    </message>
    <message>
        <source>最近打开</source>
        <translation>Recent workspaces</translation>
    </message>
    <message>
        <source>还没有打开过工作区。新建一个，或打开同事发来的工作区文件。</source>
        <translation>No workspaces opened yet. Create one, or open a workspace file a colleague sent you.</translation>
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
    <message numerus="yes">
        <source>%n 个平台</source>
        <translation>
            <numerusform>%n platform</numerusform>
            <numerusform>%n platforms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 位专家</source>
        <translation>
            <numerusform>%n expert</numerusform>
            <numerusform>%n experts</numerusform>
        </translation>
    </message>
    <message>
        <source>{platforms} · {experts}</source>
        <translation>{platforms} · {experts}</translation>
    </message>
    <message>
        <source>评分细则</source>
        <translation>Rubric</translation>
    </message>
    <message>
        <source>考核规则</source>
        <translation>Rules</translation>
    </message>
    <message>
        <source>本考核周期适用的规则。规则保存在工作区文件中，每次修改都记入审计日志。</source>
        <translation>The rules of this evaluation cycle. They are kept in the workspace file, and every change is recorded in the audit log.</translation>
    </message>
</context>
</TS>
