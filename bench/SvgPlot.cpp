// SPDX-License-Identifier: MIT
#include "SvgPlot.h"

#include <QFile>

#include <cmath>

using namespace Qt::StringLiterals;

namespace SvgPlot {

namespace {

constexpr double Width = 720, Height = 420;
constexpr double Left = 80, Right = 80, Top = 50, Bottom = 60;
constexpr double PlotWidth = Width - Left - Right, PlotHeight = Height - Top - Bottom;
constexpr int Ticks = 5;

// A round upper bound for an axis, so its tick labels are short.
double niceMaximum(double value)
{
    if (value <= 0)
        return 1;
    const double magnitude = std::pow(10, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (step * magnitude >= value)
            return step * magnitude;
    }
    return 10 * magnitude;
}

QString text(double x, double y, const QString &content, const QString &anchor,
             const QString &colour = u"#333"_s)
{
    return u"<text x=\"%1\" y=\"%2\" text-anchor=\"%3\" fill=\"%4\">%5</text>\n"_s.arg(x)
        .arg(y)
        .arg(anchor, colour, content.toHtmlEscaped());
}

QString series(const QList<double> &xs, const QList<double> &ys, double maximum,
               const QString &colour)
{
    QString points;
    QString dots;
    for (qsizetype i = 0; i < xs.size(); ++i) {
        if (ys[i] < 0)
            continue;
        const double y = Top + PlotHeight * (1 - ys[i] / maximum);
        points += u"%1,%2 "_s.arg(xs[i]).arg(y);
        dots +=
            u"<circle cx=\"%1\" cy=\"%2\" r=\"4\" fill=\"%3\"/>\n"_s.arg(xs[i]).arg(y).arg(colour);
    }
    return u"<polyline fill=\"none\" stroke=\"%1\" stroke-width=\"2\" points=\"%2\"/>\n"_s.arg(
               colour, points.trimmed()) +
           dots;
}

} // namespace

QString render(const QList<RunResult> &results, const QString &title)
{
    const QString blue = u"#1f77b4"_s, red = u"#d62728"_s;
    double maxRate = 0, maxP99 = 0;
    for (const RunResult &r : results) {
        maxRate = std::max(maxRate, r.linesPerSecond);
        maxP99 = std::max(maxP99, r.p99Ms);
    }
    maxRate = niceMaximum(maxRate);
    maxP99 = niceMaximum(maxP99);

    QString svg = u"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" "
                  "font-family=\"sans-serif\" font-size=\"12\">\n"
                  "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"_s.arg(Width)
                      .arg(Height);
    svg += text(Width / 2, 24, title, u"middle"_s);
    for (int i = 0; i <= Ticks; ++i) {
        const double y = Top + PlotHeight * (1 - double(i) / Ticks);
        svg += u"<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"#ddd\"/>\n"_s.arg(Left)
                   .arg(y)
                   .arg(Left + PlotWidth);
        svg += text(Left - 6, y + 4, QString::number(maxRate * i / Ticks / 1e6, 'g', 3), u"end"_s,
                    blue);
        svg += text(Left + PlotWidth + 6, y + 4, QString::number(maxP99 * i / Ticks, 'g', 3),
                    u"start"_s, red);
    }
    svg += u"<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"none\" stroke=\"#333\"/>\n"_s
               .arg(Left)
               .arg(Top)
               .arg(PlotWidth)
               .arg(PlotHeight);

    // Client counts are spaced evenly: sweeps usually double them.
    QList<double> xs, rates, p99s;
    for (qsizetype i = 0; i < results.size(); ++i) {
        const double x =
            results.size() == 1
                ? Left + PlotWidth / 2
                : Left + 20 + (PlotWidth - 40) * double(i) / double(results.size() - 1);
        xs.append(x);
        rates.append(results[i].linesPerSecond);
        p99s.append(results[i].p99Ms);
        svg += text(x, Top + PlotHeight + 18, QString::number(results[i].clients), u"middle"_s);
    }
    svg += series(xs, rates, maxRate, blue) + series(xs, p99s, maxP99, red);
    svg += text(Width / 2, Height - 16, u"clients"_s, u"middle"_s);
    svg += u"<text transform=\"translate(22 %1) rotate(-90)\" text-anchor=\"middle\" fill=\"%2\">"
           "delivered lines/s (millions)</text>\n"_s.arg(Top + PlotHeight / 2)
               .arg(blue);
    svg += u"<text transform=\"translate(%1 %2) rotate(90)\" text-anchor=\"middle\" fill=\"%3\">"
           "p99 latency (ms)</text>\n"_s.arg(Width - 22)
               .arg(Top + PlotHeight / 2)
               .arg(red);
    return svg + u"</svg>\n"_s;
}

bool write(const QString &path, const QList<RunResult> &results, const QString &title)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(render(results, title).toUtf8()) >= 0;
}

} // namespace SvgPlot
