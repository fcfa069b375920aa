// Languages of the pages: English and Simplified Chinese. Elements carry data-i18n="key" (text)
// or data-i18n-title / -placeholder / -aria-label; dynamic text calls t(). Dates and numbers are
// formatted per locale with Intl. The choice is kept in localStorage.

const texts = {
  en: {
    "app.wall": "Live alert wall", "app.agent": "Agent console", "app.customer": "Customer",
    "nav.wall": "Wall", "nav.agent": "Agent console", "nav.language": "Language", "nav.signout": "Sign out",
    "forbidden.title": "Not for your sign-in", "forbidden.text": "Your sign-in does not open this page. Ask an admin if you need it, or sign out and sign in as someone who may.", "forbidden.admins": "This page is for admins, and your sign-in is not one. Ask an admin if you need it, or sign out and sign in as an admin.",
    "login.title": "Sign in", "login.user": "User name", "login.password": "Password", "login.submit": "Sign in",
    "login.error": "That user name and password do not match.", "login.throttled": "Too many failed sign-ins from this network: try again in {seconds} s.",
    "status.connecting": "Connecting…", "status.live": "Live", "status.reconnecting": "Reconnecting…", "status.staleSince": "Not live since {time}: what this page shows is as it was then", "status.disconnected": "Disconnected — retrying",
    "status.notReceiving.redis": "Not receiving: storage (Redis) is not answering", "status.notReceiving.cluster": "Not receiving: no silo answers", "status.notReceiving.other": "Not receiving: CxLive is not ready",
    "stat.open": "Not resolved", "stat.critical": "Critical", "stat.warning": "Warning", "stat.info": "Info",
    "stat.rate": "Raised in the last minute", "stat.mtta": "Mean time to acknowledge", "stat.mttr": "Mean time to resolve", "stat.recovery": "Recovery rate",
    "stat.none.mtta": "No alert has been acknowledged yet", "stat.none.mttr": "No alert has been resolved yet", "stat.none.recovery": "No customer alert has ended recovered or lost yet",
    "stat.recovery.of": " ({count} outcomes)", "stat.recovery.of.one": " ({count} outcome)", "stat.recovery.title": "Of the customer alerts closed with an outcome: {recovered} recovered, {lost} lost. Alerts still open, and those closed with an outage, have no outcome yet.", "stat.why": " ({why})",
    "rule.irrelevant-recommendations": "Irrelevant recommendations", "rule.repeated-failed-search": "Repeated failed search", "rule.experience-drop": "Experience drop",
    "rule.detractor": "Detractor score", "rule.order-status-failure": "Order lookup failing", "rule.payment-failure": "Payment failing",
    "rule.delivery-failure": "Delivery failing", "rule.points-redemption-failure": "Points redemption failing", "rule.push-fatigue": "Push fatigue", "rule.unanswered-complaint": "Unanswered complaint",
    "rule.touchpoint-degradation": "Touchpoint failing", "rule.missed-follow-up": "Missed follow-up", "rule.repeat-contact": "Repeat contact",
    "rule.long-wait": "Long wait", "rule.touchpoint-silence": "Touchpoint silent",
    "empty.headline": "No open alerts right now.",
    "wall.held": "Cards hold still while a form is open on one: the filters and new alerts apply when you close it.", "empty.filtered": "No card matches these filters.",
    "empty.filteredInside": "The alerts that match stand behind incident cards, which these filters hide: each incident's card speaks for its customers. Clear the rule or touchpoint filter to see them.",
    "empty.filteredNone": "Other alerts are on the wall: clear the filters to see them.", "empty.filteredResolved": "The wall keeps a resolved alert for a minute after it closes. A customer's page keeps hers, with how each ended and its history: find her by id above.",
    "empty.body": "Alerts appear here the moment CxLive sees a customer having a bad experience. Send interactions to POST /api/interactions, or start CxLive with --demo for demo traffic.",
    "meta.customer": "Customer", "meta.touchpoint": "Touchpoint", "meta.stage": "Stage", "meta.rule": "Rule", "meta.also": "Also seen", "meta.assigned": "Assigned to", "meta.suggestion": "Suggested outreach", "meta.suggestion.team": "Suggested action",
    "meta.history": "History", "history.system": "CxLive", "history.desk": "Outreach desk", "history.rule": "rule {rule}",
    "action.ack": "Acknowledge", "action.assign": "Assign", "action.snooze": "Snooze 1 h", "action.resolve": "Resolve",
    "action.cancel": "Cancel", "resolve.outcome": "How it ended", "resolve.auto": "CxLive decides from the customer's timeline", "resolve.recovered": "Recovered: the customer is fine", "resolve.lost": "Lost: the customer gave up", "resolve.note": "Note", "action.muteMore": "Mute…", "action.mute": "Mute", "mute.what": "Mute new alerts of", "mute.for": "for", "mute.why": "Why", "mute.whyHint": "e.g. a test account", "mute.whyBlank": "Say why in words: spaces alone are not a reason.", "mute.hours": "{hours} h",
    "mute.customer": "customer {customer}", "mute.ruleAt": "{rule} at {touchpoint}", "mute.ruleEverywhere": "{rule} everywhere", "mute.touchpoint": "everything at {touchpoint}",
    "card.newSinceHandled": "New since someone acted on it: {rule}, {ago}", "meta.followingUp": "Following up", "meta.unreached": "Not reached", "meta.awaitingAgent": "Waiting for an agent", "meta.ownCleared": "Cleared", "customer.curveLabel": "Score after each of {count} interactions, from {first} to {last}; lowest {lowest} at {when}; {evidence} of them alert evidence (the red dots)", "customer.curveLabel.single": "Score after its one interaction: {last} at {when}", "customer.curveLabel.singleEvidence": "Score after its one interaction: {last} at {when}; that interaction is alert evidence (the red dot)", "alerts.heading": "Alerts", "announce.alert": "New {severity} alert: {title} ({who})", "announce.alerts": "{count} new alerts, {critical} critical. Most pressing: {title} ({who})", "announce.prompt": "New prompt: {title}, {customer}, {severity}", "announce.prompts": "{count} new prompts. The first: {title}, {customer}", "agent.snoozed": "A supervisor snoozed this alert until {time}: wait until then to reach out.", "agent.ownCleared": "{rule} cleared {ago}: these words were for it. The alert stays open for what else was seen: speak to that.", "card.ownCleared": "{rule} cleared {ago}; it stays open for what else was seen: reach out about that", "card.awaitingAgent": "Another try at reaching the customer went into the queue {ago}; every agent who can take it is full", "card.unreached": "{agent} could not reach the customer {ago}; another try comes when they run into trouble again", "card.reached": "{agent} reached the customer {ago} and follows it up until they say how it ended", "card.reachedHandedOver": "{reacher} reached the customer {ago}; {agent} follows it up now", "mute.title": "Muted", "mute.none": "No mute is on now.", "mute.kept": "Alerts raised while a mute is on stay off the wall after it ends: they are kept, and the customer's page lists them.", "mute.until": "until {time}: {comment} ({author})", "mute.end": "Unmute", "assign.to": "Assign to", "assign.agent": "{agent} · {pending} in hand", "assign.agentFull": "{agent} · {pending} in hand, full", "agent.withSkills": "{name} ({skills})", "suggestion.channel": "{wording} ({channel})", "assign.notOn": "not on {channel}", "action.failed": "Could not do that: {reason}", "action.forbidden": "Your sign-in does not allow this: ask an admin if you need it.", "action.gone": "That is no longer there: reload the page to see what is there now.", "action.signedOut": "Your sign-in has ended: reload the page to sign in again.", "action.serverError": "CxLive could not finish that. Try again; if it keeps failing, give an admin this reference: {id}", "action.serverErrorBare": "CxLive could not finish that (HTTP {status}). Try again; if it keeps failing, tell an admin.", "action.unreachable": "Could not reach CxLive. If it went through, the card will show it; if not, try again.", "action.unconfirmed": "Not confirmed: CxLive's storage or servers are not answering just now. If it went through, the card will change by itself; if it has not changed in a minute, try again.", "resolve.meanwhile": "Resolved meanwhile by {by}: your note was not recorded (it is still here to copy).", "action.movedOn": "Not done: it is already {state} ({by}).",
    "card.news": "{title}: {state}", "state.open": "open", "state.acknowledged": "acknowledged", "state.resolved": "resolved", "state.snoozed": "snoozed", "state.snoozedUntil": "snoozed until {time}", "alert.silenced": "silenced: not on the wall", "meta.affected": "Customers with alerts", "count.paren": " ({count})", "incident.more": "and {count} more", "alert.inIncident": "part of the outage at {touchpoint}: its incident card stands for it", "alert.closedWithIncident": "closed with the outage at {touchpoint}, with no outcome recorded", "alert.assignedTo": "assigned to {agent}", "alert.reached": "{agent} reached the customer {ago} and follows it up", "alert.unreached": "{agent} could not reach the customer {ago}", "alert.awaitingAgent": "another try went into the queue {ago} and waits for an agent", "alert.also": "also seen: {rules}", "alert.ownCleared": "this has cleared; open for what else was seen",
    "severity.critical": "critical", "severity.warning": "warning", "severity.info": "info",
    "incident.affected": "incident: {count} customers with alerts",
    "agent.gone.withdrawn": "withdrawn: no longer to do", "agent.gone.moved": "moved to another agent", "agent.gone.reported": "reported", "agent.gone.closed": "alert closed: nothing left to follow up",
    "agent.pick": "I am", "agent.unknown": "No agent has the id “{id}”: pick who you are above.", "agent.pickFirst": "Pick who you are above to see your outreach prompts.", "agent.queue": "My outreach prompts", "agent.queueKeys": "The arrow keys move between prompts.", "agent.load": "You hold {count} of at most {capacity}.", "agent.load.none": "You hold {count}. The desks route you no prompts (your capacity is 0): only a supervisor gives you one.", "agent.load.full": "You hold {count} of at most {capacity}: full. New prompts go to other agents or wait until you record an outcome.", "agent.load.over": "You hold {count}, more than the {capacity} the desks give you at once: a supervisor assigned the rest. New prompts go to other agents until you are under {capacity}.", "agent.none": "No prompts waiting. New ones appear here as soon as CxLive routes them to you.", "agent.noneRouted": "No prompts. One a supervisor gives you appears here at once.",
    "agent.choose": "Open a prompt to see the customer and what to say.",
    "agent.why": "Why", "agent.also": "Also seen", "agent.say": "Suggested wording", "agent.channel": "Reach them on", "agent.context": "Context", "agent.score": "Experience score (0–100)",
    "agent.timeline": "Cross-channel timeline", "agent.outcome": "Record the outcome", "agent.alerts": "Open alerts",
    "age.now": "just now", "age.minutes": "{n} min ago", "age.hours": "{n} h ago", "age.days": "{n} d ago",
    "left.now": "under a minute left", "left.minutes": "{n} min left", "left.hours": "{n} h left", "left.days": "{n} d left",
    "outcome.contacted": "Contacted", "outcome.resolved": "Resolved", "outcome.declined": "Declined", "outcome.unreachable": "Unreachable",
    "outcome.contacted.effect": "reached them: the alert stays open", "outcome.contacted.effectResolves": "reached them: that is what this alert asks; closes, recovered", "outcome.resolved.effect": "sorted out: closes, recovered", "outcome.declined.effect": "refused help: closes, lost", "outcome.unreachable.effect": "not reached: open for another try",
    "outcome.recorded": "Outcome recorded: {outcome}", "outcome.recordedResolves": "Outcome recorded: Contacted. Reaching them was all this alert asked for: it closes, recovered", "outcome.recordedLate": "Outcome recorded: {outcome}, on the customer's journey. {withdrawal}", "withdrawn.stillRecord": "Already reached them? Record it: it goes on their journey (a closed alert stays as it ended).", "outcome.tooLate": "Not recorded: this prompt was settled before your report arrived (see above).", "outcome.noteNotSent": "Your note was not sent (it is still here to copy).", "outcome.movedTo": "Moved to {agent} by a supervisor: it is theirs to report now.", "outcome.movedToQueue": "Taken off your queue by a supervisor: it waits for another agent.", "outcome.offline": "Could not reach CxLive. If the outcome went through, this prompt will say so; if not, try again.", "outcome.unconfirmed": "Not confirmed: CxLive's storage or servers are not answering just now. If this prompt shows your outcome as recorded, it is kept and reaches the alert once they answer again; if not, try again in a minute.", "agent.note": "A note for the record (optional)",
    "outcome.withdrawn": "Withdrawn: the alert was closed before anyone reached out ({reason})",
    "agent.following": "Following up", "agent.followingHint": "Customers reached: once one is settled, open it and record how it ended.", "agent.contactedAgo": "contacted {age}", "agent.contactedAgoBy": "{agent} contacted them {age}",
    "outcome.following": "You reached them ({age}). Once it is settled, record how it ended: Resolved or Declined closes the alert.", "outcome.followingSaid": "You reached them ({age}) and noted: “{note}”. Once it is settled, record how it ended: Resolved or Declined closes the alert.", "outcome.followingBy": "{agent} reached them ({age}); a supervisor gave the follow-up to you. Once it is settled, record how it ended: Resolved or Declined closes the alert.", "outcome.followingBySaid": "{agent} reached them ({age}) and noted: “{note}”. A supervisor gave the follow-up to you: once it is settled, record how it ended: Resolved or Declined closes the alert.",
    "followUp.cleared": "Outcome recorded: Contacted. The alert's condition has cleared since: nothing left to follow up", "followUp.incident": "Outcome recorded: Contacted. Since then the outage at {touchpoint} has taken the alert in: nothing left to follow up",
    "followUp.by": "Outcome recorded: Contacted. Since then {by} has closed the alert: nothing left to follow up", "followUp.byHow": "Outcome recorded: Contacted. Since then {by} has closed the alert (customer {how}): nothing left to follow up", "followUp.closed": "Outcome recorded: Contacted. Since then the alert has closed: nothing left to follow up", "followUp.how": "Outcome recorded: Contacted. Since then the alert has closed (customer {how}): nothing left to follow up",
    "withdrawn.momentPassed": "Withdrawn: the moment to reach out has passed",
    "withdrawn.incident": "Withdrawn: the outage at {touchpoint} took this alert in, and its incident card stands for the customer. Hold outreach until the cause is known.", "withdrawn.cleared": "Withdrawn: the alert's condition cleared before anyone reached out; the customer is fine now", "withdrawn.byHow": "Withdrawn: {by} closed the alert before anyone reached out (customer {how})",
    "withdrawn.by": "Withdrawn: {by} closed the alert before anyone reached out", "withdrawn.how": "Withdrawn: the alert was closed before anyone reached out (customer {how})",
    "withdrawn.closed": "Withdrawn: the alert was closed before anyone reached out", "withdrawn.said": "{why}. Their note: “{note}”", "history.supervisor": "a supervisor", "history.supervisorNamed": "supervisor {name}", "ended.recovered": "recovered", "ended.lost": "lost",
    "customer.timeline": "Timeline", "customer.curve": "Score over the timeline (alert evidence in red)", "customer.score": "Experience score (0–100)", "customer.alerts": "Alerts", "customer.count": "{count} interactions",
    "customer.none": "No interactions for this customer yet.", "customer.noAlerts": "No alerts for this customer.", "customer.raisedAt": "raised {time}",
    "customer.noCurve": "No scores to draw yet: the curve starts with the customer's first interaction.", "agent.noAlerts": "None open: nothing else is waiting for this customer.", "agent.customerUnavailable": "Could not load this customer's details just now: CxLive is not answering. Trying again; her open alerts and timeline show once it answers.",
    "customer.denied": "You may not see this customer: an agent sees the customers of their own prompts.", "wall.denied": "Your sign-in no longer opens the wall: it is for supervisors and admins. Your prompts are in the agent console.", "agent.denied": "Your sign-in does not open this queue: ask an admin to check the agent id you were given.",
    "customer.incident": "Caught in the outage at {touchpoint}: it was failing for many customers at once (incident open since {since})",
    "customer.incidentResolved": "Caught in the outage at {touchpoint}: it was failing for many customers at once (incident {since} – {until}, resolved)",
    "timeline.untold": "{type} · {touchpoint}", "timeline.incident": "during the outage at {touchpoint}", "timeline.incidentBegan": "as the outage at {touchpoint} began",
    "heat.title": "Where it hurts now: unresolved alerts by journey stage and channel",
    "scores.title": "Customers by experience score", "scores.bar": "score {from}–{to}: {count} customers",
    "top.title": "Touchpoints failing most (last 5 min)", "top.entry": "{touchpoint}: {rate} of {events} failed", "top.tooFew": "under {min} events: no incident yet", "top.fewFailures": "under {min} failures: no incident yet", "top.usual": "{rate} in the hour before: no incident",
    "stage.discover": "Discover", "stage.research": "Research", "stage.purchase": "Purchase", "stage.receive": "Receive", "stage.service": "Service", "stage.share": "Share",
    "result.success": "success", "result.failure": "failure", "result.abandoned": "abandoned",
    "result.found-nothing": "found nothing", "result.found": "found", "result.failed": "failed", "result.viewed": "viewed", "result.shown": "shown", "result.clicked": "clicked", "result.rejected": "rejected", "result.added": "added", "result.done": "done", "result.paid": "paid", "result.placed": "placed", "result.looked-up": "looked up", "result.delivered": "delivered", "result.complained": "complained", "result.answered": "answered", "result.contacted": "contacted", "result.called-back": "called back", "result.waited": "waited", "result.visited": "visited", "result.scored": "scored", "result.answered-survey": "answered", "result.sent": "sent", "result.opened": "opened", "result.dismissed": "dismissed", "result.unsubscribed": "unsubscribed", "result.redeemed": "redeemed", "result.resolved": "resolved", "result.reached-out": "reached out", "result.not-reached": "not reached", "result.declined": "declined",
    "channel.web": "Web", "channel.app": "App", "channel.call-center": "Call center", "channel.chat": "Chat", "channel.email": "Email", "channel.store": "Store", "channel.social": "Social", "channel.push": "Push", "channel.sms": "SMS", "channel.field-service": "Field service", "channel.partner": "Partner", "channel.survey": "Survey", "channel.other": "Other", "channel.*": "any channel",
    "timeline.evidence": "evidence of an open alert", "timeline.evidenceOf": "evidence: {rules}", "timeline.inferred": "inferred from the interaction type",
    "col.what": "What happened", "col.result": "Result", "col.where": "Where",
    "find.label": "Find a customer", "find.placeholder": "Find a customer by id…", "find.none": "No customer found whose id contains this.", "find.count": "{count} customers found", "find.count.one": "{count} customer found",
    "app.insights": "Insights", "nav.insights": "Insights", "insights.asOf": "Report, not live", "insights.trendLabel": "Alerts raised per day: {days}", "insights.trendJoin": ", ",
    "insights.title": "Where customers struggled, for how many, in their own words",
    "insights.from": "From (UTC day)", "insights.to": "To (UTC day, inclusive)", "insights.groupBy": "Group by", "insights.show": "Show", "insights.csv": "Download CSV",
    "insights.by.rule": "Rule", "insights.by.touchpoint": "Touchpoint", "insights.by.stage": "Journey stage", "insights.by.channel": "Channel",
    "insights.none": "No alerts were raised in this window.", "insights.noneGroup": "(none)",
    "insights.reversed": "The From day is after the To day: pick a From day on or before the To day.", "insights.notTaken": "The address asked for {values}, which this page cannot show: the defaults are shown instead.",
    "insights.failed": "The report could not be read: {reason}", "insights.tooLong": "Insights are kept for {days} days: pick at most {days} days, the From and To days included.", "insights.unavailable": "CxLive's storage or servers are not answering just now: try again in a minute.",
    "insights.summary": "{count} alerts raised, in {groups}", "insights.summary.one": "{count} alert raised, in {groups}",
    "insights.groupCount": "{count} groups", "insights.groupCount.one": "{count} group",
    "insights.alerts": "{count} alerts", "insights.alerts.one": "{count} alert",
    "insights.customerCount": "{count} customers", "insights.customerCount.one": "{count} customer",
    "insights.totals": "{raised} · {customers} · {recovered} recovered · {lost} lost",
    "insights.totals.touchpointWide": "{raised} · touchpoint-wide, no single customer", "insights.totals.open": "{count} still open", "insights.totals.ended": "{count} touchpoint alerts ended", "insights.totals.ended.one": "{count} touchpoint alert ended", "insights.totals.outcomeUnknown": "{count} closed with an outage, outcome unknown", "insights.totals.outcomeUnknown.one": "{count} closed with an outage, outcome unknown",
    "insights.day": "Day", "insights.raised": "Alerts raised", "insights.customers": "Customers", "insights.recovered": "Recovered", "insights.lost": "Lost", "insights.open": "Still open", "insights.outcomeUnknown": "Closed with an outage", "insights.outcomeUnknown.title": "Closed when the outage that absorbed them ended: nobody was prompted, so whether the customer recovered is not known",
    "insights.mtta": "Mean time to acknowledge", "insights.mttr": "Mean time to resolve", "insights.words": "In their own words",
    "customer.count.one": "{count} interaction", "insights.quietDays": "{count} other days: nothing raised or closed", "insights.quietDays.one": "{count} other day: nothing raised or closed", "incident.affected.one": "incident: {count} customer with an alert", "scores.bar.one": "score {from}–{to}: {count} customer",
    "stat.open.title": "Not resolved: open, acknowledged or snoozed, across every alert, whether shown here or not (silenced alerts are not counted).",
    "stat.waiting": "Prompts waiting for an agent", "stat.waiting.title": "Outreach prompts no agent holds yet: every agent with the skill is at capacity, or nobody has the skill. Each goes to the next agent who frees a slot.",
    "heat.none": "(no stage)", "heat.total": "{count} unresolved alerts on this wall", "heat.total.one": "{count} unresolved alert on this wall",
    "heat.criticalOutlined": " · outlined in red: {count} critical", "heat.critical": "{count} critical alerts here", "heat.critical.one": "{count} critical alert here",
    "incident.now": "now: {rate} of {events} failed in the last 5 min · {absorbed}", "incident.raisedWith": "when raised: {detail}",
    "incident.nowSilent": "now: no traffic at all in the last 5 min (not recovered) · {absorbed}",
    "incident.absorbed": "{count} customer alerts absorbed since it opened", "incident.absorbed.one": "{count} customer alert absorbed since it opened",
    "incident.nowWall": "now: {rate} of {events} failed · {absorbed}", "incident.nowSilentWall": "now: no traffic (not recovered) · {absorbed}", "incident.absorbedWall": "{count} customer alerts absorbed", "incident.absorbedWall.one": "{count} customer alert absorbed",
    "incident.stillUnresolved": " ({count} still unresolved)", "incident.failingNow": "{touchpoint} failing: {rate} in 5 min", "incident.silentTitle": "{touchpoint}: no traffic in 5 min", "incident.noneUnresolved": " (none still unresolved)",
    "filter.severity": "Severity", "filter.state": "State", "filter.rule": "Rule", "filter.touchpoint": "Touchpoint", "filter.agent": "Agent", "filter.nobody": "nobody", "filter.all": "all",
    "stats.label": "Counters", "filter.label": "Filters", "alerts.label": "Alerts, most severe and newest first",
    "filter.shown": "{shown} of {count} alerts shown", "filter.shown.one": "{shown} of {count} alert shown", "filter.unresolved": "not resolved",
    "filter.inside": "· {count} more unresolved inside incidents", "filter.hidden": "· {count} more unresolved hidden by the filters", "filter.inside.one": "· {count} more unresolved inside an incident",
    "filter.justResolved": "({count} just resolved, leaving within a minute)",
    "wallmode.page": "page {page} of {pages}", "wallmode.pagePaused": "page {page} of {pages} · paused", "wallmode.holdHint": "Space or P pauses the pages, and turns them again", "wallmode.group": "{rule}: {count}", "wallmode.groupsMore": "other rules: {count}", "wallmode.groups": "Unresolved cards besides the pinned incidents, by rule", "wallmode.incidents": "Incidents",
    "duration.second": "{n} s", "duration.minute": "{n} min", "duration.hour": "{n} h",
    "col.time": "Time", "col.channel": "Channel", "col.type": "Type", "col.stage": "Stage", "col.outcome": "Outcome", "col.touchpoint": "Touchpoint",
  },
  "zh-CN": {
    "app.wall": "实时告警墙", "app.agent": "坐席工作台", "app.customer": "客户",
    "nav.wall": "告警墙", "nav.agent": "坐席工作台", "nav.language": "语言", "nav.signout": "退出登录",
    "forbidden.title": "无权打开", "forbidden.text": "您的账号不能打开此页面。如需使用，请联系管理员，或退出登录后换用有权限的账号登录。", "forbidden.admins": "此页面仅供管理员使用，您的账号不是管理员。如需使用，请联系管理员，或退出登录后以管理员身份登录。",
    "login.title": "登录", "login.user": "用户名", "login.password": "密码", "login.submit": "登录",
    "login.error": "用户名或密码不正确。", "login.throttled": "此网络登录失败次数过多：请 {seconds} 秒后重试。",
    "status.connecting": "正在连接…", "status.live": "实时", "status.reconnecting": "正在重新连接…", "status.staleSince": "自 {time} 起未实时更新：页面显示的是当时的情况", "status.disconnected": "已断开 — 正在重试",
    "status.notReceiving.redis": "未在接收：存储（Redis）无响应", "status.notReceiving.cluster": "未在接收：集群节点无响应", "status.notReceiving.other": "未在接收：CxLive 尚未就绪",
    "stat.open": "未解决", "stat.critical": "严重", "stat.warning": "警告", "stat.info": "提示",
    "stat.rate": "最近一分钟新增", "stat.mtta": "平均确认时间", "stat.mttr": "平均解决时间", "stat.recovery": "挽回率",
    "stat.none.mtta": "尚无告警被确认", "stat.none.mttr": "尚无告警被解决", "stat.none.recovery": "尚无客户告警以挽回或流失结束",
    "stat.recovery.of": "（{count} 条有结果）", "stat.recovery.title": "已有结果的已关闭客户告警中：挽回 {recovered} 条，流失 {lost} 条。未解决的告警和随故障关闭的告警尚无结果。", "stat.why": "（{why}）",
    "rule.irrelevant-recommendations": "推荐不相关", "rule.repeated-failed-search": "反复搜索无果", "rule.experience-drop": "体验骤降",
    "rule.detractor": "贬损评分", "rule.order-status-failure": "订单查询失败", "rule.payment-failure": "支付失败",
    "rule.delivery-failure": "配送失败", "rule.points-redemption-failure": "积分兑换失败", "rule.push-fatigue": "推送疲劳", "rule.unanswered-complaint": "投诉未回复",
    "rule.touchpoint-degradation": "触点故障", "rule.missed-follow-up": "未按时跟进", "rule.repeat-contact": "重复联系",
    "rule.long-wait": "等待过久", "rule.touchpoint-silence": "触点静默",
    "empty.headline": "当前没有未解决的告警。",
    "wall.held": "卡片上有表单打开时，卡片保持不动：关闭表单后再应用筛选和新告警。", "empty.filtered": "没有符合筛选条件的卡片。",
    "empty.filteredInside": "符合条件的告警已并入事件，而这些筛选条件隐藏了事件卡片：每张事件卡片代表其中的客户。清除规则或触点筛选即可看到。",
    "empty.filteredNone": "告警墙上还有其他告警：清除筛选条件即可看到。", "empty.filteredResolved": "已解决的告警在关闭后只在告警墙上保留一分钟。客户页面会保留她的告警，以及每条的结果和历史：可在上方按客户 ID 查找。",
    "empty.body": "一旦 CxLive 发现客户体验不佳，告警会立即出现在这里。可向 POST /api/interactions 发送交互数据，或使用 --demo 启动演示流量。",
    "meta.customer": "客户", "meta.touchpoint": "触点", "meta.stage": "旅程阶段", "meta.rule": "规则", "meta.also": "同时发现", "meta.assigned": "负责人", "meta.suggestion": "建议主动联系", "meta.suggestion.team": "建议行动",
    "meta.history": "处理记录", "history.system": "CxLive", "history.desk": "主动联系调度台", "history.rule": "规则 {rule}",
    "action.ack": "确认", "action.assign": "分派", "action.snooze": "暂缓 1 小时", "action.resolve": "解决",
    "action.cancel": "取消", "resolve.outcome": "结果", "resolve.auto": "由 CxLive 根据客户时间线判断", "resolve.recovered": "挽回：客户问题已解决", "resolve.lost": "流失：客户已放弃", "resolve.note": "备注", "action.muteMore": "静默…", "action.mute": "静默", "mute.what": "静默以下新告警：", "mute.for": "时长", "mute.why": "原因", "mute.whyHint": "例如：测试账号", "mute.whyBlank": "请用文字说明原因：不能只填空格。", "mute.hours": "{hours} 小时",
    "mute.customer": "客户 {customer}", "mute.ruleAt": "{touchpoint} 的{rule}", "mute.ruleEverywhere": "所有触点的{rule}", "mute.touchpoint": "{touchpoint} 的全部告警",
    "card.newSinceHandled": "处理后又出现新情况：{rule}，{ago}", "meta.followingUp": "跟进中", "meta.unreached": "未联系上", "meta.awaitingAgent": "等待坐席", "meta.ownCleared": "已解除", "customer.curveLabel": "{count} 次交互后的得分，从 {first} 到 {last}；最低 {lowest}（{when}）；其中 {evidence} 次为告警证据（红点）", "customer.curveLabel.single": "唯一一次交互后的得分：{last}（{when}）", "customer.curveLabel.singleEvidence": "唯一一次交互后的得分：{last}（{when}）；该交互为告警证据（红点）", "alerts.heading": "告警", "announce.alert": "新{severity}告警：{title}（{who}）", "announce.alerts": "{count} 条新告警，其中严重 {critical} 条。最紧急：{title}（{who}）", "announce.prompt": "新任务：{title}，{customer}，{severity}", "announce.prompts": "{count} 个新任务。第一个：{title}，{customer}", "agent.snoozed": "主管已将此告警暂缓至 {time}：请到时再联系客户。", "agent.ownCleared": "{rule}{ago}已解除：以下话术是针对它的。告警因同时发现的其他情况保持打开：请就这些情况沟通。", "card.ownCleared": "{rule}{ago}已解除；告警因同时发现的其他情况保持打开，请就这些情况联系客户", "card.awaitingAgent": "再次联系客户的任务{ago}进入队列；能处理它的坐席都已满", "card.unreached": "{agent} {ago}未能联系上客户；客户再遇到问题时会再次尝试联系", "card.reached": "{agent} {ago}已联系上客户，正在跟进，直至记录最终结果", "card.reachedHandedOver": "{reacher} {ago}已联系上客户；现由 {agent} 跟进", "mute.title": "已静默", "mute.none": "当前没有静默。", "mute.kept": "静默期间产生的告警在静默结束后也不会回到告警墙：它们仍被保留，可在客户页面查看。", "mute.until": "至 {time}：{comment}（{author}）", "mute.end": "取消静默", "assign.to": "分派给", "assign.agent": "{agent}· 手上 {pending} 条", "assign.agentFull": "{agent}· 手上 {pending} 条，已满", "agent.withSkills": "{name}（{skills}）", "suggestion.channel": "{wording}（{channel}）", "assign.notOn": "不负责{channel}", "action.failed": "操作失败：{reason}", "action.forbidden": "您的账号无权执行此操作：如有需要，请联系管理员。", "action.gone": "该项已不存在：请刷新页面查看最新情况。", "action.signedOut": "登录已失效：请刷新页面重新登录。", "action.serverError": "CxLive 未能完成此操作。请重试；如仍失败，请将此编号提供给管理员：{id}", "action.serverErrorBare": "CxLive 未能完成此操作（HTTP {status}）。请重试；如仍失败，请告知管理员。", "action.unreachable": "无法连接 CxLive。若操作已生效，卡片会显示；否则请重试。", "action.unconfirmed": "未能确认：CxLive 的存储或服务器暂时没有响应。若操作已生效，卡片会自动更新；若一分钟后仍无变化，请重试。", "resolve.meanwhile": "在此期间已由 {by} 解决：您的备注未记录（仍保留在此，可复制）。", "action.movedOn": "未执行：该告警当前为「{state}」（{by}）。",
    "card.news": "{title}：{state}", "state.open": "未处理", "state.acknowledged": "已确认", "state.resolved": "已解决", "state.snoozed": "已暂缓", "state.snoozedUntil": "暂缓至 {time}", "alert.silenced": "已静默：不在告警墙上", "meta.affected": "已有告警的客户", "count.paren": "（{count}）", "incident.more": "另有 {count} 位", "alert.inIncident": "属于 {touchpoint} 的故障：由其事件卡片统一处理", "alert.closedWithIncident": "随 {touchpoint} 的故障一并关闭，未记录结果", "alert.assignedTo": "负责人：{agent}", "alert.reached": "{agent} {ago}已联系上客户，正在跟进", "alert.unreached": "{agent} {ago}未能联系上客户", "alert.awaitingAgent": "再次联系的任务{ago}进入队列，等待坐席", "alert.also": "同时发现：{rules}", "alert.ownCleared": "此项已解除；同时发现的其他情况尚未解决，告警保持打开",
    "severity.critical": "严重", "severity.warning": "警告", "severity.info": "提示",
    "incident.affected": "事件：{count} 位客户已有告警",
    "agent.gone.withdrawn": "已撤回：无需再处理", "agent.gone.moved": "已转给其他坐席", "agent.gone.reported": "已记录结果", "agent.gone.closed": "告警已关闭：无需再跟进",
    "agent.pick": "我是", "agent.unknown": "没有编号为“{id}”的坐席：请在上方选择您是谁。", "agent.pickFirst": "请在上方选择您是谁，以查看您的主动联系任务。", "agent.queue": "我的主动联系任务", "agent.queueKeys": "用方向键在任务之间移动。", "agent.load": "当前 {count} 条，最多 {capacity} 条。", "agent.load.none": "当前 {count} 条。系统不会给您分派任务（容量为 0）：只有主管会分派给您。", "agent.load.full": "当前 {count} 条，最多 {capacity} 条：已满。记录结果前，新的任务会分给其他坐席或等待。", "agent.load.over": "当前 {count} 条，超过系统一次分派给您的 {capacity} 条：多出的由主管分派。在低于 {capacity} 条之前，新的任务会分给其他坐席。", "agent.none": "暂无待处理任务。CxLive 分派给您的新任务会立即出现在这里。", "agent.noneRouted": "暂无任务。主管分派给您的任务会立即出现在这里。",
    "agent.choose": "打开一个任务，查看客户信息和建议话术。",
    "agent.why": "触发原因", "agent.also": "同时发现", "agent.say": "建议话术", "agent.channel": "联系渠道", "agent.context": "背景", "agent.score": "体验分（0–100）",
    "agent.timeline": "跨渠道时间线", "agent.outcome": "记录结果", "agent.alerts": "未解决的告警",
    "age.now": "刚刚", "age.minutes": "{n} 分钟前", "age.hours": "{n} 小时前", "age.days": "{n} 天前",
    "left.now": "不到 1 分钟后过期", "left.minutes": "剩 {n} 分钟", "left.hours": "剩 {n} 小时", "left.days": "剩 {n} 天",
    "outcome.contacted": "已联系", "outcome.resolved": "已解决", "outcome.declined": "客户拒绝", "outcome.unreachable": "无法联系",
    "outcome.contacted.effect": "已联系上：告警保持打开", "outcome.contacted.effectResolves": "已联系上：正是此告警所要求的；关闭，已挽回", "outcome.resolved.effect": "已处理好：关闭，已挽回", "outcome.declined.effect": "拒绝帮助：关闭，已流失", "outcome.unreachable.effect": "未联系上：保持打开，可再试",
    "outcome.recorded": "已记录结果：{outcome}", "outcome.recordedResolves": "已记录结果：已联系。此告警只要求联系上客户：告警随之关闭，已挽回", "outcome.recordedLate": "已记录结果：{outcome}，已写入客户旅程。{withdrawal}", "withdrawn.stillRecord": "如已联系过客户，仍请记录结果：将写入客户旅程（已关闭的告警保持原样）。", "outcome.tooLate": "未记录：在您提交之前，此提示已有结论（见上方）。", "outcome.noteNotSent": "您的备注未提交（仍保留在此，可复制）。", "outcome.movedTo": "主管已将其转给 {agent}：现由对方记录结果。", "outcome.movedToQueue": "主管已将其移出您的队列：等待其他坐席接手。", "outcome.offline": "无法连接 CxLive。若结果已记录，此提示会显示；否则请重试。", "outcome.unconfirmed": "未能确认：CxLive 的存储或服务器暂时没有响应。若此提示显示结果已记录，它会被保留，并在恢复后同步到告警；否则请一分钟后重试。", "agent.note": "备注（可选，会记入记录）",
    "outcome.withdrawn": "已撤回：在联系客户之前告警已关闭（{reason}）",
    "agent.following": "跟进中", "agent.followingHint": "已联系上的客户：处理完毕后，打开并记录最终结果。", "agent.contactedAgo": "{age}已联系", "agent.contactedAgoBy": "{agent} {age}已联系",
    "outcome.following": "您已联系上客户（{age}）。处理完毕后请记录最终结果：“已解决”或“客户拒绝”会关闭告警。", "outcome.followingSaid": "您已联系上客户（{age}），备注：“{note}”。处理完毕后请记录最终结果：“已解决”或“客户拒绝”会关闭告警。", "outcome.followingBy": "{agent} 已联系上客户（{age}）；主管已将跟进交给您。处理完毕后请记录最终结果：“已解决”或“客户拒绝”会关闭告警。", "outcome.followingBySaid": "{agent} 已联系上客户（{age}），备注：“{note}”。主管已将跟进交给您：处理完毕后请记录最终结果：“已解决”或“客户拒绝”会关闭告警。",
    "followUp.cleared": "已记录结果：已联系。此后告警条件已解除：无需再跟进", "followUp.incident": "已记录结果：已联系。此后 {touchpoint} 的故障事件已并入此告警：无需再跟进",
    "followUp.by": "已记录结果：已联系。此后{by}已关闭告警：无需再跟进", "followUp.byHow": "已记录结果：已联系。此后{by}已关闭告警（客户{how}）：无需再跟进", "followUp.closed": "已记录结果：已联系。此后告警已关闭：无需再跟进", "followUp.how": "已记录结果：已联系。此后告警已关闭（客户{how}）：无需再跟进",
    "withdrawn.momentPassed": "已撤回：已错过联系客户的时机",
    "withdrawn.incident": "已撤回：此告警已并入 {touchpoint} 的故障事件，由事件卡片统一处理。查明原因前请暂停主动联系。", "withdrawn.cleared": "已撤回：在联系客户之前告警条件已解除，客户已恢复正常", "withdrawn.byHow": "已撤回：在联系客户之前，{by}已关闭告警（客户{how}）",
    "withdrawn.by": "已撤回：在联系客户之前，{by}已关闭告警", "withdrawn.how": "已撤回：在联系客户之前告警已关闭（客户{how}）",
    "withdrawn.closed": "已撤回：在联系客户之前告警已关闭", "withdrawn.said": "{why}。备注：“{note}”", "history.supervisor": "主管", "history.supervisorNamed": "主管 {name}", "ended.recovered": "已挽回", "ended.lost": "已流失",
    "customer.timeline": "时间线", "customer.curve": "时间线上的体验分（红点为告警依据）", "customer.score": "体验分（0–100）", "customer.alerts": "告警", "customer.count": "共 {count} 次交互",
    "customer.none": "该客户暂无交互记录。", "customer.noAlerts": "该客户没有告警。", "customer.raisedAt": "发现于 {time}",
    "customer.noCurve": "暂无可绘制的分数：曲线从客户的第一次交互开始。", "agent.noAlerts": "无未解决告警：该客户没有其他待处理事项。", "agent.customerUnavailable": "暂时无法加载该客户的详情：CxLive 没有响应。正在重试；恢复后会显示其未解决告警和时间线。",
    "customer.denied": "您无权查看该客户：坐席只能查看自己提示中的客户。", "wall.denied": "您的账号已不能打开告警墙：告警墙供主管和管理员使用。您的任务在坐席工作台。", "agent.denied": "您的账号不能打开此任务队列：请联系管理员核对分配给您的坐席编号。",
    "customer.incident": "遭遇 {touchpoint} 的故障：当时大量客户同时遇到失败（事件自 {since} 起，尚未解决）",
    "customer.incidentResolved": "遭遇 {touchpoint} 的故障：当时大量客户同时遇到失败（事件 {since} – {until}，已解决）",
    "timeline.untold": "在 {touchpoint} 的一次交互", "timeline.incident": "发生在 {touchpoint} 故障期间", "timeline.incidentBegan": "发生在 {touchpoint} 故障初起时",
    "heat.title": "当前痛点：按旅程阶段和渠道统计的未解决告警",
    "scores.title": "客户体验分分布", "scores.bar": "{from}–{to} 分：{count} 位客户",
    "top.title": "失败率最高的触点（最近 5 分钟）", "top.entry": "{touchpoint}：失败率 {rate}（共 {events} 次）", "top.tooFew": "不足 {min} 次，尚未开启事件", "top.fewFailures": "失败不足 {min} 次，尚未开启事件", "top.usual": "此前一小时失败率 {rate}，未开启事件",
    "stage.discover": "发现", "stage.research": "研究", "stage.purchase": "购买", "stage.receive": "收货", "stage.service": "服务", "stage.share": "分享",
    "result.success": "成功", "result.failure": "失败", "result.abandoned": "放弃",
    "result.found-nothing": "无结果", "result.found": "有结果", "result.failed": "失败", "result.viewed": "已浏览", "result.shown": "已展示", "result.clicked": "已点击", "result.rejected": "已拒绝", "result.added": "已加购", "result.done": "完成", "result.paid": "已支付", "result.placed": "已下单", "result.looked-up": "已查询", "result.delivered": "已送达", "result.complained": "投诉", "result.answered": "已回复", "result.contacted": "来询", "result.called-back": "已回电", "result.waited": "等待", "result.visited": "已上门", "result.scored": "评分", "result.answered-survey": "已作答", "result.sent": "已发送", "result.opened": "已打开", "result.dismissed": "已忽略", "result.unsubscribed": "已退订", "result.redeemed": "已兑换", "result.resolved": "已解决", "result.reached-out": "已主动联系", "result.not-reached": "未联系上", "result.declined": "客户拒绝",
    "channel.web": "网站", "channel.app": "应用", "channel.call-center": "呼叫中心", "channel.chat": "在线客服", "channel.email": "邮件", "channel.store": "门店", "channel.social": "社交媒体", "channel.push": "推送", "channel.sms": "短信", "channel.field-service": "上门服务", "channel.partner": "合作方", "channel.survey": "问卷", "channel.other": "其他", "channel.*": "任意渠道",
    "timeline.evidence": "未解决告警的依据", "timeline.evidenceOf": "依据：{rules}", "timeline.inferred": "根据交互类型推断",
    "col.what": "发生了什么", "col.result": "结果", "col.where": "渠道 · 触点",
    "find.label": "查找客户", "find.placeholder": "按客户编号查找…", "find.none": "没有找到编号包含此内容的客户。", "find.count": "找到 {count} 位客户",
    "app.insights": "洞察", "nav.insights": "洞察", "insights.asOf": "报表（非实时）", "insights.trendLabel": "每日告警数：{days}", "insights.trendJoin": "，",
    "insights.title": "客户在哪里受挫、涉及多少人、他们怎么说",
    "insights.from": "起始（UTC 日期）", "insights.to": "截止（UTC 日期，含当天）", "insights.groupBy": "分组", "insights.show": "查看", "insights.csv": "下载 CSV",
    "insights.by.rule": "规则", "insights.by.touchpoint": "触点", "insights.by.stage": "旅程阶段", "insights.by.channel": "渠道",
    "insights.none": "该时间段内没有告警。", "insights.noneGroup": "（无）",
    "insights.reversed": "开始日期晚于结束日期：请选择不晚于结束日期的开始日期。", "insights.notTaken": "地址中的 {values} 无法显示：已改为显示默认设置。",
    "insights.failed": "无法读取报告：{reason}", "insights.tooLong": "洞察数据保留 {days} 天：所选日期（含开始日和结束日）最多 {days} 天。", "insights.unavailable": "CxLive 的存储或服务器暂时没有响应：请一分钟后重试。",
    "insights.summary": "共 {count} 条告警，{groups}", "insights.groupCount": "{count} 个分组",
    "insights.alerts": "{count} 条告警", "insights.customerCount": "{count} 位客户",
    "insights.totals": "{raised} · {customers} · 挽回 {recovered} · 流失 {lost}",
    "insights.totals.touchpointWide": "{raised} · 触点级，不针对单个客户", "insights.totals.open": "未解决 {count}", "insights.totals.ended": "触点告警已结束 {count}", "insights.totals.outcomeUnknown": "随故障关闭（结果未知）{count}",
    "insights.day": "日期", "insights.raised": "新增告警", "insights.customers": "客户数", "insights.recovered": "挽回", "insights.quietDays": "其余 {count} 天：无新增或关闭", "insights.lost": "流失", "insights.open": "未解决", "insights.outcomeUnknown": "随故障关闭", "insights.outcomeUnknown.title": "吸收这些告警的故障结束时一并关闭：未提示任何坐席，客户是否挽回未知",
    "insights.mtta": "平均确认时间", "insights.mttr": "平均解决时间", "insights.words": "客户原话",
    "stat.open.title": "未解决：未处理、已确认或已暂缓，统计全部告警，无论是否显示在此（已静默的告警不计）。",
    "stat.waiting": "等待坐席的主动联系提示", "stat.waiting.title": "尚无坐席接手的主动联系提示：具备该渠道技能的坐席都已满额，或无人具备该技能。坐席一有空位便依次分派。",
    "heat.none": "（无阶段）", "heat.total": "本告警墙共 {count} 条未解决告警",
    "heat.criticalOutlined": " · 红框内有严重告警 {count} 条", "heat.critical": "此处有 {count} 条严重告警",
    "incident.now": "当前：最近 5 分钟失败率 {rate}（共 {events} 次） · {absorbed}", "incident.raisedWith": "发现时：{detail}",
    "incident.nowSilent": "当前：最近 5 分钟完全没有流量（并未恢复）· {absorbed}",
    "incident.absorbed": "自事件发生以来已合并 {count} 条客户告警",
    "incident.nowWall": "当前：失败率 {rate}（共 {events} 次） · {absorbed}", "incident.nowSilentWall": "当前：完全没有流量（并未恢复）· {absorbed}", "incident.absorbedWall": "已合并 {count} 条客户告警",
    "incident.stillUnresolved": "（其中 {count} 条仍未解决）", "incident.failingNow": "{touchpoint} 故障：5 分钟内失败率 {rate}", "incident.silentTitle": "{touchpoint}：5 分钟内无流量", "incident.noneUnresolved": "（均已解决）",
    "filter.severity": "严重程度", "filter.state": "状态", "filter.rule": "规则", "filter.touchpoint": "触点", "filter.agent": "坐席", "filter.nobody": "未分派", "filter.all": "全部",
    "stats.label": "计数", "filter.label": "筛选", "alerts.label": "告警，按严重程度和时间由新到旧排列",
    "filter.shown": "显示 {shown} / {count} 条告警", "filter.unresolved": "未解决",
    "filter.inside": "· 另有 {count} 条未解决的告警已并入事件", "filter.hidden": "· 另有 {count} 条未解决的告警被筛选隐藏", "filter.justResolved": "（其中 {count} 条刚解决，一分钟内移出）",
    "wallmode.page": "第 {page} / {pages} 页", "wallmode.pagePaused": "第 {page} / {pages} 页 · 已暂停", "wallmode.holdHint": "按空格键或 P 暂停翻页，再按一次继续", "wallmode.group": "{rule}：{count}", "wallmode.groupsMore": "其他规则：{count}", "wallmode.groups": "置顶事件以外的未解决卡片（按规则）", "wallmode.incidents": "事件",
    "duration.second": "{n} 秒", "duration.minute": "{n} 分钟", "duration.hour": "{n} 小时",
    "col.time": "时间", "col.channel": "渠道", "col.type": "类型", "col.stage": "阶段", "col.outcome": "结果", "col.touchpoint": "触点",
  },
};

export const languages = { en: "English", "zh-CN": "简体中文" };

let current = localStorage.getItem("cxlive.lang") ?? (navigator.language?.startsWith("zh") ? "zh-CN" : "en");
if (!texts[current]) current = "en";
const listeners = [];

export function language() { return current; }

// Unicode's bidirectional formatting characters (U+202A–U+202E, U+2066–U+2069) in a value from
// outside reorder the sentence around it: a query ending in U+202E turned "'…' — 0 results" into
// "0 — '… results". A value that holds them goes in without them, isolated, as the server's alert
// texts put it (BidiText): nothing in it reaches the words around it.
const BIDI_FORMATTING = /[\u202a-\u202e\u2066-\u2069]/gu;
function isolated(value) {
  const kept = value.replace(BIDI_FORMATTING, ""); // replace() starts from the start whatever lastIndex says
  return kept.length === value.length ? value : "\u2068" + kept + "\u2069";
}

export function t(key, vars = {}) {
  const text = texts[current][key] ?? texts.en[key] ?? key;
  // The sentence's own words and the values put into it, in turn: the joins between them are where
  // Chinese wants a space (below), never inside a value.
  const pieces = text.split(/\{(\w+)\}/).map((piece, i) => i % 2 === 0 ? piece : isolated(String(vars[piece] ?? "")));
  return pieces.reduce((said, piece) => said + (current === "zh-CN" && apart(said.at(-1), piece[0]) ? " " : "") + piece, "")
    .replace(/([.!?。！？])”[.。]/gu, "$1”"); // a quoted note that ends its own sentence: "tomorrow.”", not "tomorrow.”."
}

/**
 * Why the server refused an action, as a text key and its values: in the page's language wherever
 * a person can act on it (the sign-in ended or does not allow it, it no longer exists, the servers
 * are not answering or failed, with the reference an admin looks up), else the server's own reason
 * (a 400: English, as it names fields and settings for integrators).
 */
export function refusal(status, problem) {
  return status === 401 ? ["action.signedOut"]
    : status === 403 ? ["action.forbidden"]
    : status === 404 ? ["action.gone"]
    : status === 503 ? ["action.unconfirmed"]
    : status >= 500 ? (problem?.correlationId ? ["action.serverError", { id: problem.correlationId }] : ["action.serverErrorBare", { status }])
    : ["action.failed", { reason: problem?.detail ?? `HTTP ${status}` }];
}

// Chinese sets Latin letters and digits apart from the characters beside them: a name or a number
// put into a sentence gets that space where the sentence meets it ("主管 ada 已关闭告警", "任务 3
// 分钟前进入队列", "投诉未回复 3 分钟前已解除"; it read "主管 ada已关闭" beside "Li Na 2 分钟前").
const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z0-9]/;
const apart = (before, after) => Boolean(before && after) && ((HAN.test(before) && LATIN.test(after)) || (LATIN.test(before) && HAN.test(after)));

// A rule's name in the page's language ("Repeated failed search"; the id stays the API's word and
// is shown on hover where it matters); a rule the pages do not know is shown by its id.
export function ruleName(ruleId) {
  const key = `rule.${ruleId}`;
  return texts[current][key] ?? texts.en[key] ?? ruleId;
}

// A channel's name in the page's language; a channel the pages do not know (integrators may send any)
// is shown as sent.
export function channelName(channel) {
  const key = `channel.${channel?.toLowerCase()}`; // an agent's skill "Chat" is the chat channel, as the desk matches it
  const name = t(key);
  return name === key ? channel : name;
}

// A text with a count in it, in the plural form the language needs: "1 interaction", "2 interactions"
// (keys "x.one" / "x"; Chinese has one form and needs no ".one").
export function tn(key, count, vars = {}) {
  const form = formatter(Intl.PluralRules).select(count);
  const plural = `${key}.${form}`;
  const chosen = form !== "other" && texts[current][plural] ? plural : key;
  return t(chosen, { count: formatNumber(count), ...vars });
}

// An alert's (or prompt's) words in the page's language: the detectors write each alert in English
// and in the other languages (alert.translations["zh-CN"]); English, or a missing language, falls
// back to the English fields. Returns { title, detail, wording, context }.
export function wordsOf(item) {
  const other = item.translations?.[current];
  const action = item.suggestedAction;
  return {
    title: localTimes(other?.title ?? item.title ?? item.why),
    detail: localTimes(other?.detail ?? item.detail),
    wording: other?.wording ?? action?.wording ?? item.wording,
    context: other?.context ?? action?.context ?? item.context,
  };
}

// Dates and numbers the reader's way within the page's language: an English page in a browser set
// to British (or Indian, Australian...) English writes "05/12/2026, 14:26:30", where every English
// reader got the American "12/5/26, 2:26:30 PM". A browser with no English of its own, or a tag Intl
// refuses, gets "en". Read again when the reader changes the browser's languages.
let readersEnglish = englishOfBrowser();
function englishOfBrowser() {
  const tag = navigator.languages?.find(l => /^en(-|$)/i.test(l));
  try { return tag ? Intl.getCanonicalLocales(tag)[0] : "en"; } catch { return "en"; }
}
addEventListener("languagechange", () => { readersEnglish = englishOfBrowser(); formatters.clear(); });
const formatLocale = () => current === "en" ? readersEnglish : current;

// Building an Intl formatter costs far more than using one, and a flooded wall formats hundreds
// of numbers and times a frame: one formatter per kind, language and options, made once.
const formatters = new Map();
export function formatter(Kind, options = {}) {
  const key = `${Kind.name}|${current}|${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) formatters.set(key, made = new Kind(formatLocale(), options));
  return made;
}


export function formatTime(iso) {
  return formatter(Intl.DateTimeFormat, { dateStyle: "short", timeStyle: "medium" }).format(new Date(iso));
}

/** A time of day in the page's language: "3:45 PM"; "15:45". */
export function formatClock(iso) {
  return formatter(Intl.DateTimeFormat, { timeStyle: "short" }).format(new Date(iso));
}

/**
 * When a step happened: to the second, without the date when it was today ("3:45:02 PM"), with it
 * when not ("12/5/26, 3:45:02 PM"). A card's history is mostly today's: the date on every row was
 * noise beside what happened.
 */
export function formatStepTime(iso, now = new Date()) {
  return sameDay(iso, now) ? formatter(Intl.DateTimeFormat, { timeStyle: "medium" }).format(new Date(iso)) : formatTime(iso);
}

/** A date and time of day in the page's language: "12/5/26, 3:45 PM"; "2026/12/5 15:45". */
export function formatDateAndClock(iso) {
  return formatter(Intl.DateTimeFormat, { dateStyle: "short", timeStyle: "short" }).format(new Date(iso));
}

/** The same day in the viewer's time zone. */
export const sameDay = (a, b) => new Date(a).toDateString() === new Date(b).toDateString();

/**
 * A moment near now: its time of day when it falls today, with its date when not ("until 9:05 PM"
 * for a mute made at 9:05 PM for 24 hours read as already over).
 */
export function formatMoment(iso, now = new Date()) {
  return sameDay(iso, now) ? formatClock(iso) : formatDateAndClock(iso);
}

/**
 * The times the server wrote into a text in UTC ("Complaint reply due by 2026-12-06 09:29:00Z",
 * "snoozed until ..."), as the page writes every other time: in the reader's time zone and
 * language, without the date when it is today ("due by 9:29 AM").
 */
export function localTimes(text) {
  return text?.replace(/\b(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})Z\b/g, (_, day, time) => formatMoment(`${day}T${time}Z`));
}

/** A short list in the page's language: "Email, Social, SMS"; "邮件、社交、短信". */
export function listOf(items) {
  return formatter(Intl.ListFormat, { style: "narrow", type: "conjunction" }).format(items);
}

export function formatNumber(value, options = {}) {
  return formatter(Intl.NumberFormat, options).format(value);
}

// <unitOf>: the figure whose size picks the unit, so a column of figures shares one ("114 s" beside
// "2.3 min" read as a mistake): give the column's largest.
export function formatSeconds(seconds, unitOf = seconds) {
  if (seconds == null) return "—";
  // Our own unit words: not every browser build carries CLDR's unit names for every language.
  const [unit, n] = unitOf < 120 ? ["second", seconds] : unitOf < 7200 ? ["minute", seconds / 60] : ["hour", seconds / 3600];
  // A tenth of a second matters under ten seconds, not at 118.9.
  return t(`duration.${unit}`, { n: formatNumber(n, { maximumFractionDigits: unit === "second" && n >= 10 ? 0 : 1 }) });
}

/** How long until a moment passes (a prompt's time to live): "29 min left", "47 h left"; to the minute, as ages are. */
export function formatLeft(iso, now = Date.now()) {
  const minutes = Math.max(0, Math.floor((Date.parse(iso) - now) / 60000));
  if (minutes < 1) return t("left.now");
  if (minutes < 60) return t("left.minutes", { n: formatNumber(minutes) });
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? t("left.hours", { n: formatNumber(hours) }) : t("left.days", { n: formatNumber(Math.floor(hours / 24)) });
}

/**
 * How long ago, in the same words on every page ("just now", "3 min ago", "2 h ago"; "刚刚",
 * "3 分钟前"): the wall and the agent console once said "now" and "just now" for the same moment.
 * To the minute: the pages redraw ages every 15 s or more, so seconds would be wrong most of the time.
 */
export function formatAge(iso, now = Date.now()) {
  const minutes = Math.max(0, Math.floor((now - Date.parse(iso)) / 60000));
  if (minutes < 1) return t("age.now");
  if (minutes < 60) return t("age.minutes", { n: formatNumber(minutes) });
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? t("age.hours", { n: formatNumber(hours) }) : t("age.days", { n: formatNumber(Math.floor(hours / 24)) });
}

/**
 * Sets an element's text word by word, each word unbroken (styles.css .keep-words): a narrow box
 * breaks Chinese between any two characters, so a counter read "平均确认时 / 间". The browser's own
 * segmenter finds the words (平均|确认|时间); the text stays the same to a reader and a screen reader.
 */
export function setWords(element, text) {
  if (!("Segmenter" in Intl)) { element.textContent = text; return; }
  const words = [...new Intl.Segmenter(current, { granularity: "word" }).segment(text)];
  // Spaces and punctuation stay plain text: a space inside a nowrap span is no place to break.
  element.replaceChildren(...words.map(({ segment, isWordLike }) =>
    isWordLike ? Object.assign(document.createElement("span"), { className: "word", textContent: segment }) : segment));
}

/** Translates every marked element under root, and the document's language. */
export function translate(root = document) {
  document.documentElement.lang = current;
  // The tab's title too: a Chinese page in a tab named "CxLive — live alert wall" was half translated.
  const page = document.querySelector("title[data-i18n-page]");
  if (page) document.title = `CxLive — ${t(page.dataset.i18nPage)}${page.dataset.subject ? ` ${page.dataset.subject}` : ""}`; // "… Customer alice": which tab is whose
  root.querySelectorAll("[data-i18n]").forEach(el => {
    if (el.closest(".keep-words")) setWords(el, t(el.dataset.i18n)); else el.textContent = t(el.dataset.i18n);
  });
  root.querySelectorAll("[data-i18n-title]").forEach(el => { el.title = t(el.dataset.i18nTitle); });
  root.querySelectorAll("[data-i18n-placeholder]").forEach(el => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  root.querySelectorAll("[data-i18n-aria-label]").forEach(el => el.setAttribute("aria-label", t(el.dataset.i18nAriaLabel)));
}

export function onLanguageChange(listener) { listeners.push(listener); }

/** Fills a <select> with the languages and switches when it changes. */
export function languagePicker(select) {
  for (const [code, name] of Object.entries(languages)) select.add(new Option(name, code, false, code === current));
  select.addEventListener("change", () => {
    current = select.value;
    localStorage.setItem("cxlive.lang", current);
    translate();
    listeners.forEach(listener => listener());
  });
  translate();
}
