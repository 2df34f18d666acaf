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


def _attach(chart: QChart, series, axis, where: Qt.AlignmentFlag):  # type: ignore[no-untyped-def]
    chart.addAxis(axis, where)
    series.attachAxis(axis)
    return axis


def _categories(labels: list[str], angle: int = 0) -> QBarCategoryAxis:
    axis = QBarCategoryAxis()
    axis.append(labels)
    axis.setLabelsFont(QApplication.font())
    axis.setLabelsAngle(angle)
    return axis


def _values(fmt: str) -> QValueAxis:
    axis = QValueAxis()
    axis.setLabelFormat(fmt)
    return axis


def _bars(chart: QChart, series, label: str, values: list[float]):  # type: ignore[no-untyped-def]
    bars = QBarSet(label)
    bars.append(values)
    series.append(bars)
    chart.addSeries(series)
    return series


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
        series = _bars(status, QBarSeries(), self.tr("案件"), [float(v) for v in data["by_status"].values()])
        _attach(status, series, _categories(list(data["by_status"]), angle=-30), Qt.AlignmentFlag.AlignBottom)
        _attach(status, series, _values("%d"), Qt.AlignmentFlag.AlignLeft)

        top = _chart(self.tr("涉案金额最多的商家（元）"))
        ranked = data["top_merchants"][::-1]
        hseries = _bars(top, QHorizontalBarSeries(), self.tr("金额"), [a / 100 for _, a in ranked])
        _attach(top, hseries, _categories([n for n, _ in ranked]), Qt.AlignmentFlag.AlignLeft)
        _attach(top, hseries, _values("%.0f"), Qt.AlignmentFlag.AlignBottom)

        weekly = _chart(self.tr("每周新增案件"))
        line = QLineSeries()
        for week, n in data["weekly"]:
            line.append(QDateTime(QDate.fromString(week, "yyyy-MM-dd"), QTime(0, 0)).toMSecsSinceEpoch(), n)
        weekly.addSeries(line)
        days = QDateTimeAxis()
        days.setFormat("MM-dd")
        days.setTickCount(min(8, max(2, len(data["weekly"]))))
        _attach(weekly, line, days, Qt.AlignmentFlag.AlignBottom)
        _attach(weekly, line, _values("%d"), Qt.AlignmentFlag.AlignLeft)

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
