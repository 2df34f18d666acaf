"""The 统计 tab: cases by status, amount by merchant (top 10), new cases per week, debit status
of 先用后付 orders (QtCharts)."""

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QLineSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QGridLayout, QWidget

from ..services import cases as svc
from ..services.context import Context


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setTitleFont(QApplication.font())
    chart.legend().setVisible(False)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    return chart


class DashboardView(QWidget):
    loaded = Signal(int)

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.grid = QGridLayout(self)
        self.views = [QChartView() for _ in range(4)]
        for i, v in enumerate(self.views):
            v.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.grid.addWidget(v, i // 2, i % 2)

    def refresh(self) -> None:
        data = svc.dashboard(self.ctx)
        font = QApplication.font()

        status = _chart(self.tr("案件状态"))
        bars = QBarSet(self.tr("案件"))
        bars.append([float(v) for v in data["by_status"].values()])
        series = QBarSeries()
        series.append(bars)
        status.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append(list(data["by_status"]))
        axis_x.setLabelsFont(font)
        axis_x.setLabelsAngle(-30)
        status.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%d")
        status.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)

        top = _chart(self.tr("涉案金额最多的商家（元）"))
        names = [n for n, _ in data["top_merchants"]][::-1]
        amounts = QBarSet(self.tr("金额"))
        amounts.append([a / 100 for _, a in data["top_merchants"]][::-1])
        hseries = QHorizontalBarSeries()
        hseries.append(amounts)
        top.addSeries(hseries)
        axis_names = QBarCategoryAxis()
        axis_names.append(names)
        axis_names.setLabelsFont(font)
        top.addAxis(axis_names, Qt.AlignmentFlag.AlignLeft)
        hseries.attachAxis(axis_names)
        axis_amount = QValueAxis()
        axis_amount.setLabelFormat("%.0f")
        top.addAxis(axis_amount, Qt.AlignmentFlag.AlignBottom)
        hseries.attachAxis(axis_amount)

        weekly = _chart(self.tr("每周新增案件"))
        line = QLineSeries()
        for week, n in data["weekly"]:
            line.append(QDateTime(QDate.fromString(week, "yyyy-MM-dd"), QTime(0, 0)).toMSecsSinceEpoch(), n)
        weekly.addSeries(line)
        wx = QDateTimeAxis()
        wx.setFormat("MM-dd")
        wx.setTickCount(min(8, max(2, len(data["weekly"]))))
        weekly.addAxis(wx, Qt.AlignmentFlag.AlignBottom)
        line.attachAxis(wx)
        wy = QValueAxis()
        wy.setLabelFormat("%d")
        weekly.addAxis(wy, Qt.AlignmentFlag.AlignLeft)
        line.attachAxis(wy)

        debit = _chart(self.tr("先用后付订单扣款状态"))
        pie = QPieSeries()
        for label, n in sorted(data["debit"].items(), key=lambda kv: -kv[1]):
            slice_ = pie.append(f"{label} {n}", n)
            slice_.setLabelVisible(True)
            slice_.setLabelFont(font)
        debit.addSeries(pie)

        for view, chart in zip(self.views, (status, top, weekly, debit)):
            old = view.chart()
            view.setChart(chart)
            if old is not None:
                old.deleteLater()
        self.loaded.emit(sum(data["by_status"].values()))
