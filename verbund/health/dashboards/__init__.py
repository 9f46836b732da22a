"""The figures behind the health dashboards and reports: one partnership (referrals per month both
ways, KPI attainment, both parties' influence factors, cost balance), a company's portfolio and a
network's (stage funnel, partner-induced revenue, cross-border share, the network graph).

Reads only, for objects that already passed an access gate (``get_partnership_for``,
``get_network_for``); each function runs a fixed number of queries, whatever the data size.
Labels come out in the active language.
"""

from verbund.health.dashboards.common import month_label, months_back
from verbund.health.dashboards.network import (
    GRAPH_NODES,
    CrossBorder,
    NetworkGraph,
    distribution_chart,
    funnel_chart,
    network_dashboard,
    network_figures,
    revenue_per_month,
)
from verbund.health.dashboards.partnership import (
    FactorComparison,
    KpiRow,
    cost_chart,
    factor_comparison,
    health_chart,
    kpi_chart,
    kpi_rows,
    partnership_dashboard,
    referrals_per_month,
)
from verbund.health.dashboards.portfolio import (
    AlertLine,
    PortfolioLine,
    network_alert_lines,
    network_rows,
    portfolio_page,
    sort_rows,
)

__all__ = [
    "GRAPH_NODES", "AlertLine", "CrossBorder", "FactorComparison", "KpiRow", "NetworkGraph",
    "PortfolioLine", "cost_chart", "distribution_chart", "factor_comparison", "funnel_chart",
    "health_chart", "kpi_chart", "kpi_rows", "month_label", "months_back", "network_alert_lines",
    "network_dashboard", "network_figures", "network_rows", "partnership_dashboard",
    "portfolio_page", "referrals_per_month", "revenue_per_month", "sort_rows",
]  # fmt: skip
