import { CsvError, readCsv } from './csv-reader';

describe('readCsv', () => {
  it('reads a UTF-8 file with a BOM and Chinese column names', () => {
    const text = '\uFEFF地区,年份,专利授权量\n上海,2015,17.7\n北京,2015,17.3\n';
    const table = readCsv(Buffer.from(text, 'utf8'), 'd.csv');
    expect(table.header).toEqual(['地区', '年份', '专利授权量']);
    expect(table.rows).toEqual([
      ['上海', '2015', '17.7'],
      ['北京', '2015', '17.3'],
    ]);
    expect(table.lines).toEqual([2, 3]);
  });

  it('skips empty lines, keeps file line numbers, handles CRLF and quoted cells', () => {
    const table = readCsv('a,b\r\n\r\n1,"2,5"\r\n3,4\r\n', 'd.csv');
    expect(table.header).toEqual(['a', 'b']);
    expect(table.rows).toEqual([
      ['1', '2,5'],
      ['3', '4'],
    ]);
    expect(table.lines).toEqual([3, 4]);
  });

  it('trims header names', () => {
    expect(readCsv(' a , b\n1,2\n', 'd.csv').header).toEqual(['a', 'b']);
  });

  it('rejects an empty file', () => {
    expect(() => readCsv('', 'data file "d.csv"')).toThrow(
      new CsvError('data file "d.csv" is empty: it needs a header row'),
    );
  });

  it('rejects rows with the wrong number of cells, naming the line', () => {
    expect(() => readCsv('a,b\n1,2\n3\n', 'data file "d.csv"')).toThrow(
      /data file "d.csv" is not valid CSV: .*line 3/,
    );
  });
});
