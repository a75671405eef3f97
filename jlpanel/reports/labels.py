"""The fixed words of the report documents, in Chinese and English.

Documents follow the cycle's language (Chinese by default). Templates use ``str.format``
fields; :class:`Labels` looks a key up in one language, falling back on Chinese.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from jlpanel.domain.text import Text

#: The department that issues the publication list and the rectification notices.
ISSUER = Text("吉林省科学技术厅", "Department of Science and Technology of Jilin Province")

#: The policy the notices rest on (DESIGN §1).
MEASURES = Text("《吉林省科技资源共享服务平台管理办法》", "the Jilin Provincial Measures")

LABELS: Mapping[str, Text] = {
    # page furniture
    "footer": Text("第 {page} 页 / 共 {total} 页", "Page {page} of {total}"),
    "footer_part": Text("本件第 {page}/{total} 页", "this document: page {page} of {total}"),
    "see_appendix": Text("（全文见附表{n}）", " (in full: appendix {n})"),
    "appendix_title": Text("附表　全文", "Appendix: texts in full"),
    "appendix_entry": Text("附表{n}", "Appendix {n}"),
    "appendix_sep": Text("　", ": "),
    "cycle": Text("考核名称", "Evaluation"),
    "date_blank": Text("　　年　　月　　日", "____ / ____ / ______"),
    "period": Text("考核期：{start} 至 {end}", "Evaluation period: {start} to {end}"),
    "issued": Text("生成日期：{day}", "Issued on {day}"),
    "confirmed": Text("结果已于 {day} 确定", "Results confirmed on {day}"),
    "draft": Text("结果尚未确定（草稿）", "Results not yet confirmed (draft)"),
    "changed": Text(
        "结果已于 {day} 确定，此后有 {count} 处变动，尚待专家组重新确定（草稿）",
        "Results confirmed on {day}; {count} change(s) since await the panel's new "
        "confirmation (draft)",
    ),
    # the evaluation report
    "colon": Text("：", ": "),
    "eval_title": Text("科技资源共享服务平台考核评价报告", "Platform evaluation report"),
    "eval_short": Text("评价报告", "Evaluation report"),
    "sec_facts": Text("一、平台基本情况", "1. The platform"),
    "sec_metrics": Text("二、主要客观指标", "2. Key objective metrics"),
    "sec_scores": Text("三、专家评分情况", "3. Expert scores"),
    "sec_result": Text("四、考核结果", "4. Result"),
    "sec_comments": Text("五、专家评审意见", "5. Expert comments"),
    "sec_opinion": Text("六、专家组意见", "6. Panel opinion"),
    "no_metrics": Text("（材料中无可计算的客观指标）", "(no objective metrics in the dossier)"),
    "col_code": Text("编号", "Code"),
    "col_indicator": Text("评价指标", "Indicator"),
    "col_max": Text("满分", "Max"),
    "col_mean": Text("平均分", "Mean"),
    "col_low": Text("最低分", "Lowest"),
    "col_high": Text("最高分", "Highest"),
    "col_range": Text("极差", "Range"),
    "col_n": Text("评分人数", "n"),
    "total_row": Text("合计（专家总分）", "Total (expert totals)"),
    "stat_mean": Text("算术平均", "Mean"),
    "stat_trimmed": Text("截尾平均", "Trimmed mean"),
    "stat_median": Text("中位数", "Median"),
    "stat_range": Text("极差", "Range"),
    "stat_sd": Text("标准差", "SD"),
    "stat_n": Text("有效评分", "Valid scores"),
    "score_policy": Text("计分方法：{policy}", "Score: {policy}"),
    "res_score": Text("考核得分", "Score"),
    "res_grade": Text("考核等级", "Grade"),
    "res_rank": Text("排名", "Rank"),
    "res_decision": Text("处理意见", "Decision"),
    "res_reason": Text("说明", "Reason"),
    "res_deadline": Text("整改期限", "Rectify by"),
    "res_funding": Text("后补助候选排序", "Funding rank"),
    "res_amount": Text("后补助金额（万元）", "Funding (10k CNY)"),
    "res_pending": Text(
        "有效评分不足，考核结果尚未确定。", "Too few valid scores: the result is not final."
    ),
    "res_veto": Text("一票否决", "Veto"),
    "veto_line": Text("{name}：{status}", "{name}: {status}"),
    "veto_reasons": Text("理由：{reasons}", "Reasons: {reasons}"),
    "res_discussed": Text("专家组合议事项", "Discussed by the panel"),
    "rank_of": Text("第 {rank} 名 / 共 {count} 个", "{rank} of {count}"),
    "res_adjusted": Text("合议调整", "Adjusted"),
    "adjustment": Text(
        "经专家组合议，考核得分由 {old} 调整为 {new}。调整理由：{reason}",
        "After discussion the panel changed the score from {old} to {new}. Reason: {reason}",
    ),
    "expert_n": Text("专家{n}", "Expert {n}"),
    "overall": Text("总体意见", "Overall"),
    "no_comments": Text("（无书面意见）", "(no written comments)"),
    "no_opinion": Text("（专家组意见由专家组组长填写）", "(to be written in by the panel leader)"),
    "leader_sign": Text("专家组组长签字：", "Panel leader's signature:"),
    "date": Text("日期：", "Date:"),
    # the results summary
    "summary_title": Text("考核评价结果汇总表", "Results summary"),
    "col_rank": Text("名次", "Rank"),
    "col_filing": Text("备案编号", "Filing no."),
    "col_platform": Text("平台名称", "Platform"),
    "col_host": Text("依托单位", "Host unit"),
    "col_score": Text("得分", "Score"),
    "col_grade": Text("等级", "Grade"),
    "col_decision": Text("处理意见", "Decision"),
    "sec_distribution": Text("等级分布", "Grade distribution"),
    "sec_counts": Text("统计", "Counts"),
    "col_count": Text("数量", "Count"),
    "col_share": Text("占比", "Share"),
    "not_final_mark": Text("（待定）", " (pending)"),
    "tied_mark": Text("并列", "tied"),
    "list_sep": Text("、", "; "),
    "tie_member": Text("{name}（{filing}）", "{name} ({filing})"),
    "sec_ties": Text("并列情况", "Ties"),
    "tie_line": Text("{where}：{members}。{state}", "{where}: {members}. {state}"),
    "tie_decided": Text(
        "专家组已确定先后（按所列顺序）。", "The panel has ordered them as listed."
    ),
    "tie_open": Text(
        "专家组尚未确定先后，名次栏标“并列”，相关结果待定。",
        "The panel has not ordered them yet: marked “tied” in the rank column; those results "
        "are not final.",
    ),
    "sec_agreement": Text("专家组评分一致性", "Panel agreement"),
    "sec_rules": Text("本周期考核规则", "This cycle's rules"),
    "col_rule": Text("规则", "Rule"),
    "col_setting": Text("设定", "Setting"),
    "col_meaning": Text("说明", "Meaning"),
    "col_statistic": Text("统计量", "Statistic"),
    "col_value": Text("数值", "Value"),
    "col_platforms_n": Text("平台数 n", "Platforms n"),
    "col_experts_k": Text("专家数 k", "Experts k"),
    "col_scope": Text("所用评分", "Totals used"),
    "agreement_reading": Text("解读：{reading}", "Reading: {reading}"),
    "agreement_note": Text(
        "ICC(2,k) 表示平台得分在多大程度上不取决于由哪几位专家评分（k 为每个平台的平均专家数），"
        "Kendall's W 表示专家对平台的排序是否一致（用每位专家都评了的平台）；两者越接近 1 "
        "越一致。仅供参考，不改变任何得分、等级或排名。",
        "ICC(2,k): how little a platform's score depends on which experts scored it (k is the "
        "mean number of experts per platform); Kendall's W: whether the experts order the "
        "platforms alike (on the platforms every one of them scored). The closer to 1, the "
        "more alike. Information only: no score, grade or rank is changed by it.",
    ),
    # the expert's score sheet
    "sheet_title": Text("专家个人评分表", "Expert score sheet"),
    "expert_name": Text("专家姓名", "Expert"),
    "expert_institution": Text("工作单位", "Institution"),
    "expert_title": Text("职称", "Title"),
    "col_no": Text("序号", "No."),
    "col_total": Text("总分", "Total"),
    "sec_sheet_scores": Text("评分", "Scores"),
    "sec_sheet_comments": Text("评审意见", "Comments"),
    "col_comment": Text("意见", "Comment"),
    "bonus_note": Text("总分含加分项 {bonus} 分", "The total includes {bonus} bonus points"),
    "no_platforms": Text("（该专家没有评分记录）", "(no scores from this expert)"),
    "sheet_pledge": Text(
        "本人承诺：以上评分系本人依据评分细则独立、客观、公正作出，本人与所评平台无利益冲突。",
        "I confirm that I gave these scores independently under the rubric and have no "
        "conflict of interest with the platforms I scored.",
    ),
    "expert_sign": Text("专家签字：", "Signature:"),
    # the panel signature sheet
    "panel_title": Text("专家组签字表", "Panel signature sheet"),
    "panel_intro": Text(
        "本专家组依据评分细则，对本周期 {count} 个科技资源共享服务平台进行了考核评价，"
        "评审意见和评分结果经专家组确认。",
        "The panel evaluated {count} platforms of this cycle under the rubric and confirms "
        "the comments and scores.",
    ),
    "col_name": Text("姓名", "Name"),
    "col_signature": Text("签字", "Signature"),
    "col_date": Text("日期", "Date"),
    # the publication list
    "pub_title": Text("考核评价结果公示", "Public notice of the evaluation results"),
    "pub_notice": Text(
        "根据{measures}，{issuer}组织专家对{cycle}的科技资源共享服务平台进行了考核评价。"
        "现将考核评价结果予以公示，公示期为＿＿＿＿年＿＿月＿＿日至＿＿＿＿年＿＿月＿＿日。",
        "Under {measures}, the {issuer} had experts evaluate the science and technology "
        "resource sharing service platforms of {cycle}. The results are published here for "
        "a notice period from ____ to ____.",
    ),
    "pub_objection": Text(
        "公示期内，对公示结果有异议的，请以书面形式向{issuer}反映，并提供必要的证明材料。"
        "单位提出异议的须加盖单位公章，个人提出异议的须署真实姓名。",
        "Objections during the notice period go to the {issuer} in writing with supporting "
        "evidence; an organisation seals its objection, a person signs with their real name.",
    ),
    "pub_funding_note": Text(
        "考核结果为良好及以上的平台列为后补助候选，择优给予后补助支持。",
        "Platforms graded good or better are candidates for post-hoc funding, chosen on merit.",
    ),
    "col_funding": Text("后补助候选", "Funding candidate"),
    "funding_yes": Text("是（第 {rank} 位）", "yes (#{rank})"),
    "pub_pending": Text(
        "另有 {count} 个平台考核结果尚未确定，暂不公示。",
        "{count} more platforms have no final result yet and are not listed.",
    ),
    "contact": Text("联系电话：", "Telephone:"),
    # the rectification notice
    "notice_title": Text("整改通知书", "Rectification notice"),
    "notice_no": Text("备案编号：{filing}", "Filing no. {filing}"),
    "notice_greeting": Text("{host}：", "To {host}:"),
    "notice_body": Text(
        "你单位依托建设的{platform}（备案编号：{filing}）参加了{cycle}，考核得分 {score} 分，"
        "考核结果为{grade}。根据{measures}，现责令限期整改。",
        "The {platform} (filing no. {filing}) hosted by your organisation took part in "
        "{cycle}; it scored {score} and was graded {grade}. Under {measures} it is ordered "
        "to rectify within a deadline.",
    ),
    "notice_problems": Text("一、主要问题", "1. Main problems"),
    "notice_weak": Text("评分较低的指标：", "Indicators that scored lowest:"),
    "col_rate": Text("得分率", "Share"),
    "notice_opinion": Text("专家组意见：", "Panel opinion:"),
    "notice_requirements": Text("二、整改要求", "2. What to do"),
    "notice_deadline": Text(
        "请于 {deadline} 前完成整改，并向{issuer}报送整改报告及相关证明材料。",
        "Complete the rectification by {deadline} and send the {issuer} a rectification "
        "report with supporting evidence.",
    ),
    "notice_deadline_months": Text(
        "请自结果确定之日起 {months} 个月内完成整改，并向{issuer}报送整改报告及相关证明材料。",
        "Complete the rectification within {months} months of the confirmation of the results "
        "and send the {issuer} a rectification report with supporting evidence.",
    ),
    "notice_deadline_open": Text(
        "请在规定期限内完成整改，并向{issuer}报送整改报告及相关证明材料。",
        "Complete the rectification in time and send the {issuer} a report with evidence.",
    ),
    "notice_basis": Text("三、政策依据", "3. Policy basis"),
    "notice_policy": Text(
        "依据{measures}：考核评价结果为不合格的，责令限期整改；连续两次考核评价不合格的，"
        "取消共享服务平台资格；存在弄虚作假、违反学术道德等行为的，取消申报和参加考核评价资格。",
        "Under {measures}: a platform that fails is ordered to rectify within a deadline; a "
        "platform that fails twice in a row loses its status; fraud or academic misconduct "
        "bars the platform from applying and from evaluation.",
    ),
    "notice_seal": Text("{issuer}（盖章）", "{issuer} (seal)"),
    "combined_title": Text("考核评价文件合订本", "All evaluation documents"),
}


class Labels:
    """The labels of one language: ``labels("footer", page=1, total=3)``."""

    def __init__(self, language: str) -> None:
        self.language = "en" if language.startswith("en") else "zh"

    def __call__(self, key: str, **fields: object) -> str:
        text = LABELS[key].get(self.language)
        if "{" in text:
            defaults = {
                "issuer": ISSUER.get(self.language),
                "measures": MEASURES.get(self.language),
            }
            return text.format(**{**defaults, **fields})
        return text

    @property
    def english(self) -> bool:
        """Whether the documents are in English."""
        return self.language == "en"


#: Punctuation that closes a clause or a sentence. Where texts are joined it would double up
#: with the separator ("…的情形。；…"), so it is dropped there.
CLAUSE_PUNCTUATION = "。．.；;，,、：:！!？? \u3000"


def join_clauses(parts: Iterable[str], separator: str, *, end: bool = True) -> str:
    """Texts joined with ``separator`` ("；") without doubled punctuation where they meet.

    Each text loses the closing punctuation it brings before a separator and any it starts
    with; blank texts are left out. With ``end`` the last text keeps its own full stop, else
    it loses it too (for a list in brackets).
    """
    texts = [t.strip().lstrip(CLAUSE_PUNCTUATION) for t in parts]
    texts = [t for t in texts if t]
    joined = [t.rstrip(CLAUSE_PUNCTUATION) for t in texts[:-1]]
    if texts:
        joined.append(texts[-1] if end else texts[-1].rstrip(CLAUSE_PUNCTUATION))
    return separator.join(t for t in joined if t)
