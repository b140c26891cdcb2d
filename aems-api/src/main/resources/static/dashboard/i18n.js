// The dashboard's words in Japanese (default) and English. Elements name their key in data-i18n (text) or
// data-i18n-aria (aria-label); the choice is kept in localStorage.
'use strict';
const AEMS_MESSAGES = {
  ja: {
    skip: '本文へ移動', title: '地域エネルギー ダッシュボード', nav: 'メニュー', navRegion: '地域', navApi: 'API',
    date: '日付', asOf: '表示時点', now: '直近のコマ (30分平均)', liveNow: '現在 (各地点の最新値)', reportingFresh: '報告地点 (10分以内)', pv: '太陽光発電', demand: '需要', battery: '蓄電池 (充電+)',
    ev: 'EV (充電+)', grid: '系統 (受電+ / 逆潮流−)', reporting: '報告地点', kpis: '当日の指標',
    localConsumption: '地産地消率', selfSufficiency: '自給率', surplusBought: '余剰電力買取量', co2Avoided: 'CO2削減量',
    imbalance: 'インバランス (推定)', pvCapacity: '太陽光 導入量 / 目標', regionToday: '地域の30分値',
    regionChartLabel: '地域の30分ごとの太陽光発電・需要・系統潮流 (kW)', feeders: '配電線と逆潮流上限',
    feederChartLabel: '配電線ごとの30分潮流 (kW) と逆潮流上限', feeder: '配電線', bank: 'バンク',
    netNow: '現在の潮流 (kW)', reverseLimit: '逆潮流上限 (kW)', peakReverse: '当日最大逆潮流 (kW)', breaches: '上限超過コマ',
    switchTo: 'English', live: 'ライブ更新', updated: '更新', offline: '接続待ち', noData: 'データなし', noTarget: '目標未設定',
    limit: '上限', signIn: 'サインインが必要です。サインイン画面へ移動します。',
    forbidden: 'この画面を見る権限がありません。必要な権限は管理者にお尋ねください。',
    failed: 'データを読み込めませんでした', slot: 'コマ',
    navSettlement: '精算', navPublic: 'オープンデータ', settlementTitle: '精算 (買取明細)', publicTitle: 'オープンデータ: 地域の電力',
    publicNote: 'サインイン不要の公開情報です。一定数未満の地点しか含まない集計は表示しません。', publicDay: '地域の1日',
    publicGroups: '配電線ごとの1日', publicGroupsNote: '一定数以上の地点が報告したコマだけを配電線ごとに公開し、小規模な配電線は「その他」にまとめます。合計は公開したコマの和です。',
    group: '集計単位', pvKwh: '太陽光発電 (kWh)', importKwh: '受電量 (kWh)', exportKwh: '逆潮流量 (kWh)', pooledGroup: 'その他 (小規模配電線の合算)',
    import: '受電量', export: '逆潮流量', slotsShown: '公開コマ', minimumGroup: '最小集計地点数',
    publicChartLabel: '地域の30分ごとの太陽光発電・受電・逆潮流 (kW)', runs: '精算実行', run: '実行', period: '期間', version: '版',
    status: '状態', statementsCount: '明細数', provisionalCount: '暫定 (ゲートウェイ値)', accepted: '承認済み', createdBy: '作成', statements: '仕入明細', totalEnergy: '買取電力量',
    totalPayment: '支払額 (税込)', site: '地点', contract: '契約', energyKwh: '電力量 (kWh)', payment: '支払額 (円)',
    quality: '実測 / 推定 / 欠測 コマ', diffTo: '前版', exportFile: '出力', navAlerts: 'アラート', alertsTitle: 'アラート', alertsOpen: 'アラート一覧',
    severity: '重要度', kind: '種類', subject: '対象', message: '内容', raised: '発生', occurrences: '回数', state: '状態',
    severityCRITICAL: '重大', severityWARNING: '警告', severityINFO: '情報', resolved: '解決', acknowledgedBy: '確認済み',
    acknowledge: '確認', count: '件', navFeeder: '配電線', feederTitle: '配電線', batterySoc: '蓄電池 平均SoC',
    evs: 'EV 接続 / 充電中 (充電器)', planSource: '計画', noPlan: '計画なし', planVsActual: '計画と実績 (30分平均 kW)',
    planChartLabel: '配電線の30分ごとの実績と計画の潮流 (kW)、逆潮流上限', limitEvents: '制約の状況 (最適化の説明)',
    flexibility: '蓄電池・EV (充電+ kW)', flexChartLabel: '配電線の蓄電池とEVの30分平均電力 (kW)', commands: '指令と応答',
    issued: '発行', device: '機器', action: '指令', setpoint: '設定値 (kW)', answer: '応答', actual: '実績', planned: '計画 (最新)', plannedAtGate: 'ゲートクローズ時点の計画',
    importLimit: '受電上限', noLimitEvents: '制約に達したコマはありません', limitReverse: '逆潮流上限', limitImport: '受電上限', limitBinding: 'に到達 (蓄電池・EVで上限内に抑制)', limitBreached: 'を超過 (抑えきれず)', limitFlow: '潮流', limitAt: '上限', limitExcess: '超過', navSites: '地点', sitesTitle: '地点', qualityDate: '品質の日付',
    searchLabel: '地点を検索 (ID・名称)', search: '検索', sitesList: '地点', name: '名称', kindSite: '種別', lastReading: '最終計測',
    qualityCounts: '実測 / 推定 / 欠測 コマ', rejections24h: '拒否 (24時間)', previous: '前へ', next: '次へ',
    rejectionsOf: '拒否されたデータ', noRejections: '拒否されたデータはありません', sitesFound: '件', never: '受信なし', islands: '孤立運転中の配電線', noIslands: '孤立運転中の配電線はありません', islandSince: '開始',
    reportPending: '最適化の報告待ち', notIslandable: '自立運転不可', autonomy: '自立可能時間', hours: '時間', gridForming: '系統形成',
    shelters: '重要負荷 (避難所)', servedThroughout: '全コマ供給可', notServedThroughout: '供給不足のコマあり', nextSlot: '次のコマの重要負荷 供給/必要', exportAfterFinal: '確定後に出力', noRuns: '精算実行なし',
    pager: '明細のページ', prevPage: '前へ', nextPage: '次へ', diffTitle: '前版との差分', segmentFrom: '期間開始', change: '変更',
    previousPayment: '前版の支払額 (円)', currentPayment: 'この版の支払額 (円)', energyDelta: '電力量の差 (kWh)',
    paymentDelta: '支払額の差 (円)', diffFirstVersion: 'この期間の初版のため、差分はありません。',
    diffNone: '前版 {previous} から変更された明細はありません。', diffAgainst: '前版 {previous} から変わった明細:',
    diffMore: '(先頭のみ表示。全件は API の diff を参照)', changeADDED: '追加', changeREMOVED: '削除', changeCHANGED: '変更'
  },
  en: {
    skip: 'Skip to content', title: 'Regional energy dashboard', nav: 'Menu', navRegion: 'Region', navApi: 'API',
    date: 'Date', asOf: 'As of', now: 'Latest slot (30-minute average)', liveNow: 'Now (each site\'s newest readings)', reportingFresh: 'Sites reporting (last 10 min)', pv: 'PV generation', demand: 'Demand', battery: 'Batteries (charging +)',
    ev: 'EVs (charging +)', grid: 'Grid (import + / reverse flow −)', reporting: 'Sites reporting', kpis: "The day's KPIs",
    localConsumption: 'Local consumption ratio', selfSufficiency: 'Self-sufficiency ratio', surplusBought: 'Surplus bought',
    co2Avoided: 'CO2 avoided', imbalance: 'Imbalance (estimated)', pvCapacity: 'PV connected / target',
    regionToday: 'The region per 30 minutes', regionChartLabel: 'Regional PV, demand and grid flow per 30 minutes (kW)',
    feeders: 'Feeders and their reverse-flow limits', feederChartLabel: 'Each feeder\'s flow per 30 minutes (kW) and its reverse-flow limit',
    feeder: 'Feeder', bank: 'Bank', netNow: 'Flow now (kW)', reverseLimit: 'Reverse-flow limit (kW)',
    peakReverse: 'Peak reverse flow today (kW)', breaches: 'Slots over the limit', switchTo: '日本語', live: 'Live',
    updated: 'updated', offline: 'reconnecting', noData: 'no data', noTarget: 'no target set', limit: 'limit',
    signIn: 'Please sign in; taking you to the sign-in page.',
    forbidden: 'You may not see this page. Ask an administrator for the role it needs.',
    failed: 'Could not load the data', slot: 'slot',
    navSettlement: 'Settlement', navPublic: 'Open data', settlementTitle: 'Settlement (purchase statements)',
    publicTitle: 'Open data: the region\'s electricity', publicNote: 'Public, no sign-in. Figures that stand for fewer sites than the minimum group size are withheld.',
    publicDay: 'The region\'s day', publicGroups: 'Each feeder\'s day',
    publicGroupsNote: 'A feeder is published on its own only in the slots where enough of its sites reported; small feeders are pooled as "other". Totals add up the published slots.',
    group: 'Group', pvKwh: 'PV (kWh)', importKwh: 'Import (kWh)', exportKwh: 'Export (kWh)', pooledGroup: 'Other (small feeders pooled)', import: 'Import', export: 'Export (reverse flow)', slotsShown: 'Slots published',
    minimumGroup: 'Minimum group size', publicChartLabel: 'Regional PV, import and export per 30 minutes (kW)', runs: 'Settlement runs',
    run: 'Run', period: 'Period', version: 'Version', status: 'Status', statementsCount: 'Statements',
    provisionalCount: 'Provisional (gateway values)', accepted: 'accepted', createdBy: 'Created by',
    statements: 'Purchase statements', totalEnergy: 'Energy bought', totalPayment: 'Payment (tax incl.)', site: 'Site',
    contract: 'Contract', energyKwh: 'Energy (kWh)', payment: 'Payment (yen)', quality: 'Measured / estimated / missing slots',
    diffTo: 'after', exportFile: 'Export', navAlerts: 'Alerts', alertsTitle: 'Alerts', alertsOpen: 'Alerts',
    severity: 'Severity', kind: 'Kind', subject: 'Subject', message: 'Message', raised: 'Raised', occurrences: 'Times', state: 'State',
    severityCRITICAL: 'Critical', severityWARNING: 'Warning', severityINFO: 'Info', resolved: 'resolved', acknowledgedBy: 'acknowledged by',
    acknowledge: 'Acknowledge', count: 'open', navFeeder: 'Feeder', feederTitle: 'Feeder', batterySoc: 'Battery mean SoC',
    evs: 'EVs plugged / charging (chargers)', planSource: 'Plan', noPlan: 'no plan', planVsActual: 'Plan and actual (30-minute mean kW)',
    planChartLabel: 'The feeder\'s actual and planned flow per 30 minutes (kW) with its reverse-flow limit', limitEvents: 'Limits (the optimizer\'s explanation)',
    flexibility: 'Batteries and EVs (charging + kW)', flexChartLabel: 'The feeder\'s batteries and EVs, 30-minute mean power (kW)',
    commands: 'Commands and answers', issued: 'Issued', device: 'Device', action: 'Command', setpoint: 'Setpoint (kW)', answer: 'Answer',
    actual: 'Actual', planned: 'Planned (newest)', plannedAtGate: 'Plan at gate closure', importLimit: 'import limit', noLimitEvents: 'No slot reached a limit', limitReverse: 'reverse-flow limit', limitImport: 'import limit', limitBinding: ' reached (kept inside with batteries and EVs)', limitBreached: ' breached (could not be kept inside)', limitFlow: 'flow', limitAt: 'limit', limitExcess: 'excess', navSites: 'Sites', sitesTitle: 'Sites', qualityDate: 'Quality of',
    searchLabel: 'Search sites (id, name)', search: 'Search', sitesList: 'Sites', name: 'Name', kindSite: 'Kind',
    lastReading: 'Newest reading', qualityCounts: 'Measured / estimated / missing slots', rejections24h: 'Rejected (24 h)',
    previous: 'Previous', next: 'Next', rejectionsOf: 'Rejected data', noRejections: 'No rejected data', sitesFound: 'found',
    never: 'nothing received', islands: 'Islanded feeders', noIslands: 'No feeder is islanded', islandSince: 'since',
    reportPending: 'waiting for the optimizer\'s report', notIslandable: 'cannot run on its own', autonomy: 'autonomy', hours: 'h',
    gridForming: 'grid-forming', shelters: 'critical load (shelters)', servedThroughout: 'served in every slot',
    notServedThroughout: 'short in some slots', nextSlot: 'next slot critical load served/needed', exportAfterFinal: 'export once final', noRuns: 'no runs',
    pager: 'Statement pages', prevPage: 'Previous', nextPage: 'Next', diffTitle: 'Changes against the previous version',
    segmentFrom: 'From', change: 'Change', previousPayment: 'Previous payment (yen)', currentPayment: 'This payment (yen)',
    energyDelta: 'Energy change (kWh)', paymentDelta: 'Payment change (yen)',
    diffFirstVersion: 'The first version of this period: nothing to compare.',
    diffNone: 'No statement changed against the previous version {previous}.',
    diffAgainst: 'Statements changed against the previous version {previous}:',
    diffMore: '(the first ones only; the API\'s diff has them all)', changeADDED: 'added', changeREMOVED: 'removed', changeCHANGED: 'changed'
  }
};

const AemsI18n = {
  lang: localStorage.getItem('aems.lang') === 'en' ? 'en' : 'ja',
  t(key) {
    return (AEMS_MESSAGES[this.lang] && AEMS_MESSAGES[this.lang][key]) || AEMS_MESSAGES.ja[key] || key;
  },
  locale() {
    return this.lang === 'ja' ? 'ja-JP' : 'en-GB';
  },
  apply() {
    document.documentElement.lang = this.lang;
    document.title = 'AEMS ' + this.t('title');
    document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = this.t(el.dataset.i18n); });
    document.querySelectorAll('[data-i18n-aria]').forEach(el => el.setAttribute('aria-label', this.t(el.dataset.i18nAria)));
    const button = document.getElementById('lang');
    if (button) {
      button.textContent = this.t('switchTo');
      button.lang = this.lang === 'ja' ? 'en' : 'ja';
    }
  },
  toggle() {
    this.lang = this.lang === 'ja' ? 'en' : 'ja';
    localStorage.setItem('aems.lang', this.lang);
    this.apply();
  }
};
